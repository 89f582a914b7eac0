# expected: python3.13 (the reference)
# Randomly damaged JSON documents: results and decode errors (fixed seed).
import json, random
r = random.Random(101)
base = ['{"a": [1, 2.5, {"b": null}], "c": "x\\u00e9y", "d": true}', '[1, -2, 3e5, "s", false]', '"str\\n\\"q\\""', '{"k": {"k2": [[], {}]}}', '-0.5e-3', '[{"a":1},{"b":2}]']
chars = list('{}[]:,"\\ 0123456789eE+-.tfnul\x01x')
for i in range(500):
    s = r.choice(base)
    for _ in range(r.randint(1, 3)):
        op = r.randrange(3); p = r.randint(0, len(s))
        if op == 0: s = s[:p] + r.choice(chars) + s[p:]
        elif op == 1: s = s[:p] + s[p + 1:]
        else: s = s[:p] + r.choice(chars) + s[p + 1:]
    try: print(i, repr(s), 'OK', repr(json.loads(s)))
    except json.JSONDecodeError as e: print(i, repr(s), 'ERR', e.msg, e.pos, e.lineno, e.colno)
    except RecursionError: print(i, 'recursion')
