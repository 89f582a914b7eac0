# expected: python3.13 (the reference)
# Random function signatures through inspect.signature (fixed seed).
import inspect, random, dataclasses, typing
r = random.Random(5)
for i in range(200):
    params = []
    kinds = sorted(r.sample(range(5), r.randint(0, 5)))
    names = iter('abcdefghijklmnop')
    seen_default = False
    parts = []
    for k in [r.choice(['po', 'pk', 'va', 'ko', 'vk']) for _ in range(r.randint(0, 6))]:
        parts.append(k)
    order = {'po': 0, 'pk': 1, 'va': 2, 'ko': 3, 'vk': 4}
    parts.sort(key=order.get)
    out = []; has_va = False; has_vk = False; has_po = False; default = False
    for k in parts:
        n = next(names)
        ann = r.choice(['', ': int', ': "str"', ': list[int]', ': typing.Optional[int]'])
        if k in ('po', 'pk'):
            if k == 'po': has_po = True
            if default or r.random() < 0.3:
                default = True; out.append(f'{n}{ann}={r.randint(0, 9)!r}' if not ann else f'{n}{ann} = {r.randint(0, 9)}')
            else: out.append(n + ann)
        elif k == 'va':
            if has_va: continue
            has_va = True; out.append('*' + n + ann)
        elif k == 'ko':
            if not has_va: has_va = True; out.append('*')
            out.append(n + ann + (f' = {r.randint(0,9)}' if r.random() < 0.5 else ''))
        elif k == 'vk':
            if has_vk: continue
            has_vk = True; out.append('**' + n + ann)
    if has_po:
        idx = max(j for j, p in enumerate(parts) if p == 'po') + 1
        out.insert(min(idx, len(out)), '/')
    ret = r.choice(['', ' -> int', ' -> None', ' -> "X"'])
    src = f"def f({', '.join(out)}){ret}: pass"
    if out and out[-1] == '*': src = f"def f(){ret}: pass"
    try:
        ns = {'typing': typing}
        exec(src, ns)
        sig = inspect.signature(ns['f'])
        print(i, src, '|', sig, [str(p.kind) for p in sig.parameters.values()], sig.return_annotation)
    except SyntaxError as e:
        print(i, 'syntax', e.msg)
