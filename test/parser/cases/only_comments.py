# hello
# world
