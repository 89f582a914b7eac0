# expected: python3.13 (traceback carets)
# An item of a list or tuple held in a fast local, used at once by the next
# operation (d[keys[i]], a + lst[i], s += lst[i], x[y[i]]): results for
# every container/operand type the fast paths take and the ones they leave
# to the generic code, errors and their positions, unbound locals at each
# place, user types whose methods mutate the containers, and tracing.
import sys
import traceback


def show(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
        tb = traceback.format_exc().splitlines()
        print("\n".join(tb[-4:-1]))


def lookup(d, keys, i):
    return d[keys[i]]


def plus(a, lst, i):
    return a + lst[i]


def accumulate(lst, n):
    s = 0
    for i in range(n):
        s += lst[i]
    return s


def nested(x, y, i):
    return x[y[i]]


def item_then_op(lst, i, b):
    return lst[i] * b


d = {"a": 1, "b": 2, "k%d" % 7: 70}
keys = ["a", "b", "k7", "missing"]
print([lookup(d, keys, i) for i in range(3)], lookup(d, tuple(keys), -2))
show(lookup, d, keys, 3)
show(lookup, d, keys, 9)
show(lookup, d, keys, -5)
show(lookup, {1: "one", (1, 2): "pair"}, [1, (1, 2)], 1)
show(lookup, {1.0: "float key"}, [1], 0)
show(lookup, {}, [[1]], 0)


class Missing(dict):
    def __missing__(self, k):
        return "missing " + repr(k)


show(lookup, Missing(a=1), keys, 0)
show(lookup, Missing(a=1), keys, 1)


class Str(str):
    __hash__ = str.__hash__

    def __eq__(self, other):
        print("  Str.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)


show(lookup, {Str("a"): "sub key"}, ["a"], 0)
show(lookup, {"a": "plain"}, [Str("a")], 0)

print(plus(1, [10, 20], 1), plus(1.5, [10, 2.25], 1), plus(2, (3.5,), 0), plus(-1, [2**70], 0))
print(plus("x", ["y"], 0), plus([1], [[2]], 0), plus((1,), [(2,)], -1))
show(plus, 1, ["a"], 0)
show(plus, 1, [1], 5)
show(plus, None, [1], 0)
print(accumulate([1, 2, 3, 4], 4), accumulate([0.5] * 4, 4), accumulate((2**62, 2**62), 2))
show(accumulate, [1, None], 2)
print(nested([10, 20, 30], [2, 0], 0), nested((7, 8), (1,), 0), nested({"k": 1}, ("k",), 0))
show(nested, [1, 2], [5], 0)
show(nested, [1, 2], ["x"], 0)
print(item_then_op([3, 4], 1, 5), item_then_op([1.5], 0, 2))


def divide(a, lst, i):
    return a // lst[i]


def modulo(a, lst, i):
    x = a
    x %= lst[i]
    return x


show(divide, 7, [2, 0], 0)
show(divide, 7, [2, 0], 1)
show(modulo, 7, [0], 0)
show(modulo, 2**100, [7], 0)
print(divide(-7, [2], 0), modulo(-7, [3], 0), divide(7.5, [2], 0))


class Num:
    def __init__(self, v, log):
        self.v = v
        self.log = log

    def __add__(self, other):
        self.log.clear()
        return Num(self.v + (other.v if isinstance(other, Num) else other), [])

    def __radd__(self, other):
        return Num(other + self.v + 1000, [])

    def __repr__(self):
        return "Num(%r)" % self.v


log = [Num(1, None), Num(2, None)]
log[0].log = log
print(plus(log[0], log, 1), log)
print(plus(5, [Num(3, [])], 0))


class Key:
    def __init__(self, name, victim):
        self.name = name
        self.victim = victim

    def __hash__(self):
        # Empties the list the key was read from, while in use.
        self.victim.clear()
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Key) and other.name == self.name


victim = []
k = Key("kk", victim)
victim.append(k)
del k
print(lookup({Key("kk", []): "found by a key that emptied its list"}, victim, 0), victim)


def unbound_first(lst, i):
    if i > 100:
        a = 1
    return a + lst[i]


def unbound_container(a, i):
    if i > 100:
        lst = 1
    return a + lst[i]


def unbound_index(a, lst):
    if a > 100:
        i = 1
    return a + lst[i]


def unbound_inner(d, i):
    if i > 100:
        keys = 1
    return d[keys[i]]


show(unbound_first, [1], 0)
show(unbound_container, 1, 0)
show(unbound_index, 1, [1])
show(unbound_inner, {}, 0)


def multiline(d, keys, i):
    return d[
        keys[i]
    ]


print(multiline(d, keys, 1))
show(multiline, d, keys, 3)


def generator(lst):
    for i in range(len(lst)):
        yield 1 + lst[i]


print(list(generator([1, 2, 3])))


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("lookup", "plus", "accumulate"):
        frame.f_trace_opcodes = True
        events.append((frame.f_code.co_name, event))
    return tracer


sys.settrace(tracer)
r = (lookup(d, keys, 0), plus(1, [2], 0), accumulate([1, 2], 2))
sys.settrace(None)
print(r)
print(sorted(set(events)), len(events) > 10)
