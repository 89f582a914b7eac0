# expected: python3.13 (the reference)
import json
for s in ['[1,]', '{"a":1,}', '"abc', '"a\x01"', '"\\q"', '"\\u12"', '[1 2]', '{"a" 1}', '1 2', '', '  ', '{"a":1 "b"}', '-', '[-]', 'nul', 'NaN', '1e5', '-0.0', '1.5E+3', '"\\ud800\\udc00"', '{"a":1,"a":2}','[1,2', '{', '{"a"', '[1.]', '01', '1.5e', ' [ {"x" : [ ] } , -1.25e-3 ] ', '"\\ud800"', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '[Infinity, -Infinity]']:
    try: print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e: print(repr(s), e)
for o in [float('nan'), {1: 2, None: 3, True: 4, 2.5: 1}, [], {}, {'a': []}, (1,2)]:
    try: print(json.dumps(o), json.dumps(o, allow_nan=False))
    except ValueError as e: print(e)
print(json.dumps([1,{'a':[]},{}], indent=2)); print(json.dumps({'a':1}, indent='\t'))
try: json.dumps({(1,2): 3})
except TypeError as e: print(e)
a=[]; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
print(json.dumps('\u2028\x00"\\\n\t\x7f\U0001f600'), json.dumps('\U0001f600', ensure_ascii=False))
print(json.dumps(True), json.dumps(None), json.dumps(1e16), json.dumps(3.0), json.dumps(2**70))
print(json.dumps({'b':1,'a':{'d':[1,2,{'z':None}],'c':2}}, sort_keys=True, indent=4, separators=(',', ' = ')))
print(json.dumps(set(), default=list), json.loads('{"a": 1}', object_pairs_hook=list), json.loads('[1.5]', parse_float=str))
import collections, enum
class E(enum.IntEnum):
    A = 1
print(json.dumps([E.A, collections.OrderedDict(x=1)]), json.dumps({'k': E.A}), json.loads(b'[1]'), json.dumps({1: 'x'}, skipkeys=True))
print(json.JSONDecoder().raw_decode('[1] xx'))
