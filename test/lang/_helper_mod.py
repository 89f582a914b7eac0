# helper module imported by the import tests (not a test itself)
print("loading _helper_mod")
VALUE = 42
_private = "hidden"
def greet(who):
    return "hello " + who
class Thing:
    pass
__all__ = ["VALUE", "greet"]
