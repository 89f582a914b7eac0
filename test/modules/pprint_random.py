# expected: python3.13 (the reference)
# Random nested containers through pprint.pformat (fixed seed).
import pprint, random, collections, dataclasses
r = random.Random(61)
@dataclasses.dataclass
class Pt:
    x: object
    y: object = None
def val(d=0):
    c = r.random()
    if d > 3 or c < 0.25: return r.choice([r.randint(-10**9, 10**9), r.uniform(-1, 1), 'word ' * r.randint(0, 12), b'bytes' * r.randint(0, 9), None, True, 'x\ny\n' * r.randint(1, 3)])
    if c < 0.4: return [val(d+1) for _ in range(r.randint(0, 6))]
    if c < 0.5: return tuple(val(d+1) for _ in range(r.randint(0, 4)))
    if c < 0.6: return {r.randint(0, 99) for _ in range(r.randint(0, 9))}
    if c < 0.7: return frozenset((r.randint(0, 99)) for _ in range(r.randint(0, 6)))
    if c < 0.8: return collections.OrderedDict((str(k), val(d+1)) for k in range(r.randint(0, 4)))
    if c < 0.85: return Pt(val(d+1), val(d+1))
    if c < 0.9: return collections.deque(val(d+1) for _ in range(r.randint(0, 4)))
    return {('k', i) if r.random() < 0.3 else 'k%d' % i: val(d+1) for i in range(r.randint(0, 5))}
for i in range(150):
    v = val()
    print(i, pprint.pformat(v, width=r.randint(8, 90), indent=r.randint(1, 4), compact=r.random() < 0.3, depth=r.choice([None, None, 2, 3]), sort_dicts=r.random() < 0.7))
