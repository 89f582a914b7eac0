a = 1 if else 2
