# Dict-heavy: counting, lookups with str and int keys, comprehensions, merging.
def main():
    words = ["w%d" % (i % 1000) for i in range(200000)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    inv = {v: k for k, v in counts.items()}
    table = {i: i * i for i in range(100000)}
    s = 0
    for i in range(0, 300000, 3):
        s += table.get(i % 100000, 0)
    merged = {}
    for i in range(200):
        merged.update({("k", j): i for j in range(200)})
    hits = sum(1 for k in ("w1", "w2", "nope", "w999") * 20000 if k in counts)
    print(len(counts), len(inv), s, len(merged), hits)

main()
