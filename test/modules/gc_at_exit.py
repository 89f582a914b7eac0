# At exit __main__ is released and a last collection runs, even with gc
# disabled: a cycle only the script's globals kept alive is finalised.
import gc, sys, threading

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
loop = Noisy("loop")
loop.me = loop
del loop
print("end of script")
