# expected: python3.13 (the reference)
# Random failing expressions: traceback text with caret anchors (fixed seed).
import random, traceback, linecache, sys
r = random.Random(21)
def boom(*a, **k): return 1 / 0
d = {'k': [1, 2, {'z': 0}]}
class O:
    attr = d
    def meth(self, *a): return boom()
o = O()
atoms = ['1', 'x', 'd', "d['k']", 'o.attr', '(x + 1)', 'boom()', "d['missing']", 'o.meth(1)', '0', 'lst[5]', 'f(x)', '"s"']
ops = [' + ', ' - ', ' * ', ' / ', ' // ', ' % ', ' ** ', '+', ' @ ', ' | ', ' and ', ' < ', ', ']
def expr(depth=0):
    n = r.randint(1, 3)
    parts = [r.choice(atoms) if depth > 1 or r.random() < 0.6 else '(' + expr(depth + 1) + ')' for _ in range(n)]
    e = parts[0]
    for p in parts[1:]:
        e += r.choice(ops) + p
    if r.random() < 0.25:
        o_, c_ = r.choice([('f(', ')'), ('g(x, ', ')'), ('o.meth(', ')'), ('len(', ')'), ('[', ']'), ('d[', ']'), ('lst[', ']')])
        e = o_ + e + c_
    return e
src_lines = []
for i in range(120):
    e = expr()
    form = r.choice(['{e}', 'y = {e}', 'return {e}', 'z = [0, {e}]', 'print({e})', 'assert {e}', 'y += {e}'])
    stmt = form.format(e=e)
    if r.random() < 0.2 and ' + ' in stmt:
        stmt = stmt.replace(' + ', ' + \\\n        ', 1)
    src_lines.append('def t%d(x, lst=[1], f=boom, g=boom):\n    y = 0\n    %s\n' % (i, stmt))
src = '\n'.join(src_lines)
fname = 'generated_src.py'
# The source lives only in linecache (no file is written).
linecache.cache[fname] = (len(src), None, src.splitlines(True), fname)
ns = {'boom': boom, 'd': d, 'o': o, 'print': lambda *a: None}
try:
    exec(compile(src, fname, 'exec'), ns)
except SyntaxError as e:
    print('syntax', e)
for i in range(120):
    fn = ns.get('t%d' % i)
    if fn is None: continue
    try:
        fn(0)
        print(i, 'no error')
    except BaseException as e:
        tb = e.__traceback__.tb_next
        print(i, ''.join(traceback.format_exception(type(e), e, tb)))
