# for loop targets: tuples, attributes, subscripts
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v)
class O: pass
o = O()
for o.attr in range(2):
    print("attr", o.attr)
l = [0, 0]
for l[0] in "xy":
    print(l)
for i, c in enumerate("hi", start=1):
    print(i, c)
