name = "Weft"
print(f"hi {name}, {1 + 1}")
