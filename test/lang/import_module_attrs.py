import _helper_mod as h
import pkg_demo
import os
print(h.__name__, h.__package__ == "", os.path.basename(h.__file__), h.__spec__.name, h.__doc__)
print(pkg_demo.__name__, pkg_demo.__package__, os.path.basename(pkg_demo.__file__), pkg_demo.__spec__.submodule_search_locations is not None)
print(sorted(k for k in vars(h) if not k.startswith("__")))
print(hasattr(pkg_demo, "__path__"), hasattr(h, "__path__"))
