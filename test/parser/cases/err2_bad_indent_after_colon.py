for x in y: 
 pass
  pass
