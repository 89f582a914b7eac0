for x in:
  pass
