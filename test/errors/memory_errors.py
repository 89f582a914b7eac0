def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__)
attempt("list", lambda: [0] * (2 ** 62))
attempt("str", lambda: "x" * (2 ** 62))
attempt("bytes", lambda: bytes(2 ** 62))
attempt("bytearray", lambda: bytearray(2 ** 62))
attempt("tuple", lambda: (0,) * (2 ** 62))
attempt("list64", lambda: [0] * (2 ** 64))
attempt("str64", lambda: "ab" * (2 ** 63))
attempt("range", lambda: len(range(2 ** 64)))
print("survived")
