x: int
y: int = 5
(z): str = "a"
a.b: float
a[0]: int = 1
q: list[int] = []
