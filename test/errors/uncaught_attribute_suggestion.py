# expected: python3.13 (the "Did you mean" hint is printed with the traceback)
class Config:
    def __init__(self):
        self.verbose = True
c = Config()
print(c.verbos)
