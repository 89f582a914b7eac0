# expected: python3.13 (3.13 strips the common indentation of docstrings)
"""Module docstring."""
def f():
    """Function docstring."""
class C:
    """Class docstring."""
    def m(self):
        "method doc"
def nodoc():
    x = "not a docstring"
print(__doc__, f.__doc__, C.__doc__, C.m.__doc__, nodoc.__doc__)
def g():
    """Multi
    line"""
print(repr(g.__doc__))
