from concurrent.futures import ThreadPoolExecutor
def square(x): return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    print(sum(ex.map(len, ["a", "bb", "ccc"])))
with ThreadPoolExecutor(max_workers=2) as ex:
    results = list(ex.map(lambda s: s.upper(), "hello"))
print("".join(results))
