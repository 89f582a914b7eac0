# expected: python3.13 (sys.argv from the command line; see cmdline_argv.args)
import sys
print(sys.argv[0], sys.argv[1:], len(sys.argv))
print(__name__, __file__.endswith("cmdline_argv.py"), sys.path[0] != "")
