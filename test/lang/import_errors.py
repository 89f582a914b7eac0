try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper_mod import nothing_here
except ImportError as e:
    print(type(e).__name__)
try:
    from pkg_demo import missing_sub
except ImportError as e:
    print(type(e).__name__)
print(issubclass(ModuleNotFoundError, ImportError))
