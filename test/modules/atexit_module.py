import atexit, sys
def bye(name):
    print("atexit", name)
atexit.register(bye, "first")
atexit.register(bye, "second")
@atexit.register
def third():
    print("atexit third")
def removed():
    print("never")
atexit.register(removed)
atexit.unregister(removed)
print("main done")
sys.stdout.flush()
