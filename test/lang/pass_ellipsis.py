def stub(): ...
class Empty: pass
print(stub(), Ellipsis, ..., type(...).__name__)
x = [1, 2]
if x: pass
print("done")
