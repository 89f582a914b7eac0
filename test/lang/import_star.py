from _helper_mod import *
print(VALUE, greet("star"))
print("Thing" in dir(), "_private" in dir())
