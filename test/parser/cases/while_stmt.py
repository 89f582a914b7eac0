while a:
    b
while a:
    break
else:
    continue
while True: pass
