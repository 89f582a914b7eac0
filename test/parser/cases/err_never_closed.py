foo(1
x = 2
