# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
def level3(x):
    return x["key"]
def level2(x):
    return level3(x)
def level1():
    return level2({})
print("start")
sys.stdout.flush()
level1()
print("never")
