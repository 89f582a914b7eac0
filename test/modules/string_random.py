# expected: python3.13 (the reference)
# Random format strings and templates: parse results and errors (fixed seed).
import string, random
r = random.Random(55)
pieces = ['{', '}', '{{', '}}', 'a', '0', '!r', '!s', '!x', ':', '>5', '.2f', '[', ']', '.', 'x', ' ', '{0}', '{}', '{a.b[1]}', '{:{}}', '$', '$$', '${a}', '$a', '${', 'b_1']
f = string.Formatter()
for i in range(500):
    s = ''.join(r.choice(pieces) for _ in range(r.randint(0, 6)))
    try: res = list(f.parse(s))
    except ValueError as e: res = 'ValueError: %s' % e
    try: t = string.Template(s).safe_substitute(a='A', b_1='B')
    except ValueError as e: t = 'ValueError: %s' % e
    try: t2 = string.Template(s).substitute(a='A', b_1='B')
    except (ValueError, KeyError) as e: t2 = '%s: %s' % (type(e).__name__, e)
    print(i, repr(s), res, repr(t), repr(t2), string.Template(s).is_valid(), string.Template(s).get_identifiers())
