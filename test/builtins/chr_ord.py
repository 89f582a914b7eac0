print(chr(65), chr(97), chr(0x20ac), chr(0x1F600), chr(0), repr(chr(0)), chr(1114111) == "\U0010ffff")
print(ord("A"), ord("€"), ord("😀"), ord(b"a"), ord(bytearray(b"z")), ord("\n"))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    chr(1.5)
except TypeError as e:
    print("TypeError", e)
print("".join(chr(c) for c in range(97, 123)))
