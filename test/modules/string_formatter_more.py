# expected: python3.13 (the reference)
import string
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), f.format("{}{}", 'a', 'b'), f.format("{0:{1}}", 3.14159, '.2f'), f.format("{:{}}", 'x', '>4'), f.format("{a.real}{b[0]}{b[k]}", a=3j, b={0: 'z', 'k': 'K'}) if False else '', f.format("{!r:>6}", 'q'))
for bad in ["{0}{}", "{}{0}", "{", "{0:{1:{2:{3}}}}"]:
    try: print(f.format(bad, 1, 2, 3, 4))
    except (ValueError, IndexError) as e: print(type(e).__name__, e)
class C(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        print("used", sorted(map(str, used)))
C().format("{0}{name}", 1, 2, name=3)
