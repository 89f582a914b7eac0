# expected: python3.13 (the interpreter run as a child: -c, -m, -, exit statuses)
import os, sys
exe = sys.executable

def run(args):
    sys.stdout.flush()
    status = os.system(exe + " " + args + " 2>&1")
    print("status", status >> 8, flush=True)

run("-c 'import sys; print(sys.argv); sys.exit(4)' x y")
run("-c 'raise SystemExit(None)'")
run("-c 'import sys; sys.exit(\"stopped\")'")
run("-c 'raise KeyError(1)'")
run("-c 'import sys; sys.exit(256 + 7)'")
run("-m _cmdline_mod one two")
run("-c 'print(6 * 7)' | " + exe + " - a b")
run("-E -c 'import sys; print(sys.flags.ignore_environment, sys.argv)'")
run("-X foo=bar -X baz -c 'import sys; print(sorted(sys._xoptions.items()))'")
run("-c 'import sys; print(sys.path[0] == \"\")'")
