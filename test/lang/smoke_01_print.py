# smoke tests: the smallest programs, for bringing an interpreter up one feature at a time
print("hello, world")
