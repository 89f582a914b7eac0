print("init pkg_demo")
from .core import base
from . import util
NAME = "pkg_demo"
