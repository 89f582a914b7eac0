pass
for x in y:
    break
    continue
