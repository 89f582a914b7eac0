results = []
for x in [1, 0, "a", 2, None]:
    try:
        results.append(10 // x)
    except ZeroDivisionError:
        results.append("div0")
        continue
    except TypeError:
        results.append("type")
    else:
        results.append("ok")
    finally:
        results.append("|")
print(results)
i = 0
while True:
    try:
        i += 1
        if i > 3:
            break
    finally:
        results.append(i)
print(results[-4:])
