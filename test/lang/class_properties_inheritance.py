class Base:
    @property
    def kind(self): return "base"
    def describe(self): return f"I am {self.kind}"
class Child(Base):
    @property
    def kind(self): return "child+" + super().kind
print(Base().describe(), Child().describe())
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class Sub(Counter): pass
Counter(); Counter(); Sub()
print(Counter.instances, Sub.instances)
