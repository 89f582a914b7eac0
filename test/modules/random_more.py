# expected: python3.13 (3.12 reworded the empty randrange error)
import random
r = random.Random(2024)
print([r.randrange(10) for _ in range(10)])
print([r.randrange(-50, 50, 7) for _ in range(5)])
print(r.sample("abcdefgh", 3), r.sample(range(1000), 4), r.sample(["x", "y"], counts=[2, 3], k=4))
deck = list(range(20))
r.shuffle(deck)
print(deck)
print([round(r.uniform(-1, 1), 6) for _ in range(3)], r.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=5))
print(r.getrandbits(1), r.getrandbits(100), r.randint(-10 ** 30, 10 ** 30))
print(round(r.normalvariate(10, 2), 9), round(r.lognormvariate(0, 1), 9), round(r.vonmisesvariate(1, 1), 9))
print(round(r.gammavariate(2, 3), 9), round(r.paretovariate(2), 9), round(r.weibullvariate(1, 2), 9))
a, b = random.Random(5), random.Random(5)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])
random.seed(0)
x = random.random()
random.seed(0)
print(x == random.random(), x)
random.seed(b"bytes seed")
print(random.random())
random.seed(2 ** 100)
print(random.random())
try:
    r.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    r.sample(range(3), 5)
except ValueError as e:
    print("ValueError", e)
try:
    r.randrange(5, 5)
except ValueError as e:
    print("ValueError", e)
