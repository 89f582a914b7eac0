from .core import base
from . import core
def helper():
    return "util.helper+" + base() + "+" + core.base()
