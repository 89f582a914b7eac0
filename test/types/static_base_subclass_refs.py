# Instances of Python subclasses of built-in C types hold one reference to
# their class, dropped once when they are freed (a C base's dealloc must not
# drop it a second time: the class would be freed while still in use).
import _thread
import collections
import io
import sys
import threading

bases = [_thread.RLock, threading.local, type(_thread.allocate_lock()), list, dict, set,
         bytearray, io.BytesIO, io.StringIO, collections.deque, collections.OrderedDict,
         collections.defaultdict, Exception, object, int, str, tuple, frozenset, property]
for base in bases:
    try:
        cls = type("Sub", (base,), {})
    except TypeError as e:
        print(base.__name__, "not subclassable:", e)
        continue
    before = sys.getrefcount(cls)
    for _ in range(20):
        x = cls()
        del x
    print(base.__name__, sys.getrefcount(cls) - before)
