# At exit, __main__'s globals are released (single-underscore names first)
# and a last collection finalises the cycles left, even with gc disabled.
import gc, sys, threading, weakref

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        sys.stdout.flush()

def work():
    pass
t = threading.Thread(target=work)
t.start()
t.join()

gc.disable()
plain = Noisy("plain")
_private = Noisy("_private")
loop = Noisy("loop")
loop.me = loop
del loop
holder = [Noisy("in list")]
class Target:
    pass
target = Target()
ref = weakref.ref(target, lambda r: print("weakref callback"))
print("end of script")
