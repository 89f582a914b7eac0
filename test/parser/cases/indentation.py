if a:
    if b:
        c
    d
e
if a:
	b
	if c:
		d
if x:
  y
  if z:
     w
