def f():
	pass
        return
