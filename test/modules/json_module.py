import json
data = {"name": "x", "n": [1, 2.5, None, True], "nested": {"k": "v"}}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.dumps(data, sort_keys=True, indent=2))
print(json.dumps("é"), json.dumps("é", ensure_ascii=False), json.dumps([1, 2], separators=(",", ":")), json.loads('"\\u00e9"'))
print(json.loads("[1, 2.0, \"s\", null, false]"), json.dumps(float("inf")) if False else "")
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError", e.msg, e.pos)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError", "not JSON serializable" in str(e))
