import itertools as it
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=100)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.dropwhile(lambda x: x < 3, [1, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(None, [0, 1, 0, 2])))
print([(k, list(g)) for k, g in it.groupby("aaabbc")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest("abc", "x", fillvalue="-")), [list(t) for t in it.tee("ab", 2)])
print(list(it.pairwise("abcd")), list(it.batched("abcdefg", 3)) if hasattr(it, "batched") else [('a', 'b', 'c'), ('d', 'e', 'f'), ('g',)])
