import pkg_demo
print(pkg_demo.NAME, pkg_demo.base(), pkg_demo.util.helper())
import pkg_demo.sub.leaf
print(pkg_demo.sub.leaf.LEAF)
from pkg_demo.sub import deep
print(deep())
from pkg_demo import sub
print(sub.__name__, sub.__package__, pkg_demo.__package__)
import pkg_demo.core as c
print(c.__name__, c is pkg_demo.core)
