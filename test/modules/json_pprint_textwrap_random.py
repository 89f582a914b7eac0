# expected: python3.13 (the reference)
# Differential check of json, pprint and textwrap on random data (fixed seed).
import json, random, textwrap, pprint
r = random.Random(77)
def val(d=0):
    c = r.random()
    if d > 3 or c < 0.3: return r.choice([None, True, False, r.randint(-10**6, 10**6), r.uniform(-1e6, 1e6), ''.join(r.choice('ab "\\\n\té€😀\x01') for _ in range(r.randint(0, 6)))])
    if c < 0.65: return [val(d+1) for _ in range(r.randint(0, 4))]
    return {''.join(r.choice('kéy') for _ in range(r.randint(1, 3))): val(d+1) for _ in range(r.randint(0, 4))}
for i in range(120):
    v = val()
    opts = r.choice([{}, {'indent': 2}, {'sort_keys': True}, {'ensure_ascii': False}, {'separators': (',', ':')}, {'indent': '\t', 'sort_keys': True}])
    s = json.dumps(v, **opts)
    print(i, s, json.loads(s) == v)
    print(pprint.pformat(v, width=r.randint(10, 60)))
words = "lorem ipsum dolor-sit amet, consectetur adipiscing elit. Sed do eiusmod\ttempor incididunt ut labore et dolore magna-aliqua. Ut enim ad minim veniam".split(' ')
for i in range(120):
    t = ' '.join(r.choice(words) for _ in range(r.randint(0, 25)))
    w = r.randint(5, 40)
    kw = r.choice([{}, {'break_on_hyphens': False}, {'break_long_words': False}, {'max_lines': 2}, {'initial_indent': '> ', 'subsequent_indent': '  '}, {'fix_sentence_endings': True}, {'drop_whitespace': False}, {'expand_tabs': False}])
    try: out = textwrap.wrap(t, w, **kw)
    except ValueError as e: out = str(e)
    print(i, out, textwrap.shorten(t, max(w, 12)) if t.strip() else '')
for s in [' a\n  b\n', '\t\tx\n\t\ty', '  x\n\n  y\n', '   \n  a']:
    print(repr(textwrap.dedent(s)), repr(textwrap.indent(s, '+ ')))
