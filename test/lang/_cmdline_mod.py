import sys
print("module", __name__, sys.argv[1:], sys.argv[0].endswith("_cmdline_mod.py"))
