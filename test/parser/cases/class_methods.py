class A(B):
    """Doc."""
    x: int = 0
    @property
    def p(self) -> int:
        return self.x
    @staticmethod
    def s(*a, **k):
        pass
