class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit"); return False
def find(items, target):
    for i, v in enumerate(items):
        with CM():
            if v == target:
                return i
    return -1
print(find([5, 6, 7], 6))
print(find([], 1))
def gen_with():
    with CM():
        yield "a"
        return
        yield "never"
print(list(gen_with()))
def while_return():
    n = 0
    while True:
        n += 1
        if n == 5:
            return n
print(while_return())
