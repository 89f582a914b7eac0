import random
r = random.Random(123)
print(r.binomialvariate(100, 0.3), r.binomialvariate(5, 0.3), r.binomialvariate(1000, 0.7), r.binomialvariate(1, 0.5))
print(round(r.vonmisesvariate(1, 3), 9), round(r.gammavariate(0.5, 2), 9), round(r.gammavariate(1.0, 2), 9), round(r.betavariate(0.5, 0.5), 9))
print(r.randrange(10 ** 30), r.randbytes(6), r.sample(range(10 ** 6), 5), r.choices("abc", weights=[0, 1, 2], k=4))
r.seed("x", version=1)
print(r.random())
r.seed(3.5)
print(r.random())
r.seed(bytearray(b"ab"))
print(r.random())
s = r.getstate()
print(s[0], len(s[1]), s[2])
class Fixed(random.Random):
    def random(self):
        return 0.5
print(Fixed().randrange(10), Fixed().choice("abcd"))
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 0 <= sr.randrange(5) < 5, len(sr.randbytes(3)), sr.getrandbits(8) < 256)
for bad in [lambda: r.randrange(0), lambda: r.randrange(1, 10, 0), lambda: r.choices([1], [1], cum_weights=[1]), lambda: r.seed([1]), lambda: r.choices([1, 2], 2),
            lambda: r.sample({1}, 1), lambda: r.gammavariate(0, 1), lambda: r.binomialvariate(-1), lambda: sr.getstate(), lambda: r.getrandbits(-1)]:
    try:
        bad()
    except (ValueError, TypeError, NotImplementedError) as e:
        print(type(e).__name__, e)
