while:
  pass
