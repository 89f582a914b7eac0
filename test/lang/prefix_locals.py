# expected: python3.13 (traceback carets)
# A fast local used as the object of an attribute or subscript (x.a, x[i],
# x[0], x.a = v, x[k] = v, x.a += v, x[k] += v): results, evaluation order,
# errors and their positions, unbound locals at each place, walrus in an
# augmented value, generators suspended in the middle, and tracing.
import sys
import traceback


class Box:
    def __init__(self):
        self.a = 1
        self.log = []

    def __getitem__(self, k):
        self.log.append(("get", k))
        return k * 10

    def __setitem__(self, k, v):
        self.log.append(("set", k, v))


def basics(b, lst, d, i):
    r = [b.a, lst[i], lst[0], lst[-1], d["k"], b[i], b[3]]
    b.a = 5
    lst[i] = 7
    lst[0] = 8
    d["k"] = 9
    b[2] = 4
    b.a += 10
    lst[i] += 100
    lst[0] *= 3
    d["k"] -= 1
    b[i] += 1
    return r, b.a, lst, d, b.log


print(basics(Box(), [1, 2, 3], {"k": 2}, 1))


def show(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
        tb = traceback.format_exc().splitlines()
        print("\n".join(tb[-4:-1]))


def unbound_obj():
    return x.a
    x = 1


def unbound_index(lst):
    return lst[j]
    j = 0


def unbound_store():
    y.a = 1
    y = 1


def unbound_store_index(lst):
    lst[k] = 1
    k = 0


def unbound_aug():
    z[0] += 1
    z = 1


def missing_attr(b):
    return b.nope


def bad_index(lst):
    return lst[10]


def bad_key(d):
    return d["missing"]


def bad_store(t):
    t[0] = 1


def bad_aug_attr(b):
    b.a += "s"


def bad_aug_index(lst):
    lst[0] += "s"


show(unbound_obj)
show(unbound_index, [1])
show(unbound_store)
show(unbound_store_index, [1])
show(unbound_aug)
show(missing_attr, Box())
show(bad_index, [1])
show(bad_key, {})
show(bad_store, (1,))
show(bad_aug_attr, Box())
show(bad_aug_index, [1])


# The augmented value rebinds the object with a walrus: the store goes to
# the object loaded first, as CPython does.
def walrus_aug():
    a = old = [1, 2]
    b = [10, 20]
    a[0] += (a := b)[1] * 0 + 5
    return old, a, b


print(walrus_aug())


def walrus_attr():
    p = old = Box()
    q = Box()
    p.a += len([(p := q)])
    return p is q, old.a, q.a


print(walrus_attr())


# A generator suspended inside an augmented assignment.
def gen(lst):
    lst[0] += yield "first"
    lst[1] += yield "second"
    return lst


g = gen([1, 2])
print(next(g), g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("returned", e.value)


# Binary operations and comparisons of locals and constants.
def arith(a, b, s, t):
    r = [a + b, a - 1, a * b, b / a, a // 2, a % b, a ** 2, a << 1, a & b, a | 1, a ^ b]
    r += [a < b, a <= 2, a == b, a != 1, a > b, a >= 3, s == t, s != "x", s < t]
    f = 0.5
    r += [f * a, a * f, f + f, f < a, f == 0.5]
    acc = 0
    text = ""
    for i in range(5):
        acc += i
        acc -= 1
        text += s
        text += "-"
    return r, acc, text


print(arith(3, 4, "ab", "cd"))


def unbound_lhs():
    return u + 1
    u = 0


def unbound_rhs(a):
    return a < w
    w = 0


def unbound_aug_name():
    n += 1
    n = 0


def bad_add(a, b):
    return a + b


def bad_compare(a, b):
    return a < b


def zero_div(a):
    return a / 0


show(unbound_lhs)
show(unbound_rhs, 1)
show(unbound_aug_name)
show(bad_add, 1, "s")
show(bad_compare, 1, "s")
show(zero_div, 1)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __iadd__(self, o):
        self.v += o
        return self

    def __lt__(self, o):
        return self.v < o

    def __repr__(self):
        return "Num(%r)" % self.v


def user_ops(x, y):
    z = x + y
    x += 5
    return z, x, x < 10, x < 100


print(user_ops(Num(1), Num(2)))


# Tracing: the same line events with and without the prefixes.
def traced(b, lst):
    b.a = lst[0]
    lst[1] += b.a
    n = lst[0]
    n += 1
    if n < 5:
        n = n * 2
    return b.a + lst[1] + n


events = []


def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


sys.settrace(tracer)
res = traced(Box(), [3, 4])
sys.settrace(None)
print(res, events)
