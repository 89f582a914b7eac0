counter = 0
class C:
    global counter
    counter += 1
    def bump(self):
        global counter
        counter += 10
C().bump()
print(counter)
for counter in range(3):
    pass
print(counter)
def g():
    global later
    later = "defined in function"
g()
print(later)
