class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.cents + o.cents)
        if isinstance(o, int): return Money(self.cents + o)
        return NotImplemented
    __radd__ = __add__
    def __eq__(self, o): return isinstance(o, Money) and self.cents == o.cents
    def __lt__(self, o): return self.cents < o.cents
    def __hash__(self): return hash(self.cents)
    def __repr__(self): return f"${self.cents / 100:.2f}"
    def __bool__(self): return self.cents != 0
    def __format__(self, spec): return format(self.cents / 100, spec)
wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), sum(wallet, Money(0)), sorted(wallet), max(wallet), Money(1) + 99)
print(Money(0) or "empty", f"{Money(1234):>10.1f}", len({Money(1), Money(1)}))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError", e)
