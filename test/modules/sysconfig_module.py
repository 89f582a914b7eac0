import sysconfig
v = sysconfig.get_config_var("Py_GIL_DISABLED")
print(v in (0, 1, None) and (v or 0) in (0, 1))
print(isinstance(sysconfig.get_paths(), dict), "stdlib" in sysconfig.get_paths(), isinstance(sysconfig.get_platform(), str))
print(sysconfig.get_config_var("NO_SUCH_VAR_WEFT"))
