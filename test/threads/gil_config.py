# expected: python3.13 (PYTHON_GIL / -X gil, sys.flags.gil, sys._is_gil_enabled)
# Runs the interpreter as a child with each way of asking for (or against) the
# GIL and prints only facts that are the same on both builds: where the
# builds differ, the script checks the build's own expected answer.
import os
import sys
import sysconfig
import tempfile

exe = sys.executable
free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
out_path = os.path.join(tempfile.gettempdir(), "weft_gil_config_%d.txt" % os.getpid())
PROBE = "'import sys; print(sys._is_gil_enabled(), sys.flags.gil)'"

ERR_DISABLE = ("Fatal Python error: config_read_gil: Disabling the GIL is not "
               "supported by this build\nPython runtime state: preinitialized\n\n")



def child(env, args):
    sys.stdout.flush()
    cmd = "env -u PYTHON_GIL %s %s %s -c %s >%s 2>&1" % (env, exe, args, PROBE, out_path)
    status = os.system(cmd) >> 8
    with open(out_path) as f:
        text = f.read()
    os.remove(out_path)
    return status, text


def show(label, env, args):
    status, text = child(env, args)
    print("%-34s status %d: %s" % (label, status, text.strip().replace("\n", " | ")))


# The same on both builds.
show("PYTHON_GIL=1", "PYTHON_GIL=1", "")
show("-X gil=1", "", "-X gil=1")
show("-Xgil=1", "", "-Xgil=1")
show("PYTHON_GIL=2", "PYTHON_GIL=2", "")
show("-X gil=true", "", "-X gil=true")
show("-X gil", "", "-X gil")
show("PYTHON_GIL=' 1'", "PYTHON_GIL=' 1'", "")
show("bad PYTHON_GIL, good -X gil", "PYTHON_GIL=x", "-X gil=1")
show("PYTHON_GIL=1 ignored with -E", "PYTHON_GIL=1", "-E -X gil=1")

# Differ by build: check against the build's own rule.
def expect(label, env, args, ft_answer, default_answer):
    status, text = child(env, args)
    want = ft_answer if free_threaded else default_answer
    ok = (status, text) == want
    print("%-34s as this build should: %s" % (label, ok))
    if not ok:
        print("   got", (status, text), "wanted", want)


expect("no setting", "", "", (0, "False None\n"), (0, "True 1\n"))
expect("empty PYTHON_GIL", "PYTHON_GIL=", "", (0, "False None\n"), (0, "True 1\n"))
expect("PYTHON_GIL=0", "PYTHON_GIL=0", "", (0, "False 0\n"), (1, ERR_DISABLE))
expect("-X gil=0", "", "-X gil=0", (0, "False 0\n"), (1, ERR_DISABLE))
expect("first -X gil wins (0 then 1)", "", "-X gil=0 -X gil=1",
       (0, "False 0\n"), (1, ERR_DISABLE))
expect("first -X gil wins (1 then 0)", "", "-X gil=1 -X gil=0",
       (0, "True 1\n"), (0, "True 1\n"))
expect("PYTHON_GIL=0 with -X gil=1", "PYTHON_GIL=0", "-X gil=1",
       (0, "True 1\n"), (1, ERR_DISABLE))
expect("PYTHON_GIL=1 with -X gil=0", "PYTHON_GIL=1", "-X gil=0",
       (0, "False 0\n"), (1, ERR_DISABLE))
expect("bad PYTHON_GIL ignored with -E", "PYTHON_GIL=x", "-E",
       (0, "False None\n"), (0, "True 1\n"))
expect("bad PYTHON_GIL ignored with -I", "PYTHON_GIL=x", "-I",
       (0, "False None\n"), (0, "True 1\n"))
expect("PYTHON_GIL=0 ignored with -E", "PYTHON_GIL=0", "-E",
       (0, "False None\n"), (0, "True 1\n"))

# In this process: the flag and the lock agree.
print("this process:", sys._is_gil_enabled() == (not free_threaded or sys.flags.gil == 1))
