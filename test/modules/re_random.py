# expected: python3.13 (the reference)
# Differential check of the re engine on random patterns (fixed seed).
import re, random
r = random.Random(12345)
atoms = ['a', 'b', 'c', '.', '\\d', '\\w', '\\s', '[ab]', '[^a]', '[a-c]', '(a|b)', '(?:ab|c)', '\\b', '^', '$', 'x', ' ', '(\\w)', '(?P<n>b)', '[0-9]']
quants = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '*?', '+?', '??', '{0,2}?']
def pat(depth=0):
    n = r.randint(1, 4)
    out = []
    for _ in range(n):
        if depth < 2 and r.random() < 0.2:
            out.append('(' + pat(depth + 1) + ')' + r.choice(quants[:7]))
        else:
            a = r.choice(atoms)
            q = r.choice(quants) if a not in ('\\b', '^', '$') else ''
            out.append(a + q)
    if r.random() < 0.15:
        return '|'.join([''.join(out), pat(depth + 1) if depth < 2 else 'c'])
    return ''.join(out)
alphabet = 'aabbcx 01 \n'
for i in range(400):
    p = pat()
    s = ''.join(r.choice(alphabet) for _ in range(r.randint(0, 12)))
    flags = r.choice([0, 0, re.I, re.M, re.S])
    try:
        c = re.compile(p, flags)
    except re.error as e:
        print(i, 'error', e.msg)
        continue
    m = c.search(s)
    print(i, repr(p), flags, m and (m.span(), m.groups()), c.findall(s), c.sub('<\\g<0>>', s), c.split(s), bool(c.fullmatch(s)))
