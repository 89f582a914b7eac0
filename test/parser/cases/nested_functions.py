def outer():
    def inner():
        def innermost():
            return 1
        return innermost
    return inner
