# every public str method, called on a few receivers
calls = [
    ("capitalize", ()), ("casefold", ()), ("center", (9, "*")), ("count", ("a",)), ("encode", ()),
    ("endswith", ("na",)), ("expandtabs", (4,)), ("find", ("an",)), ("format", ()), ("format_map", ({},)),
    ("index", ("a",)), ("isalnum", ()), ("isalpha", ()), ("isascii", ()), ("isdecimal", ()), ("isdigit", ()),
    ("isidentifier", ()), ("islower", ()), ("isnumeric", ()), ("isprintable", ()), ("isspace", ()),
    ("istitle", ()), ("isupper", ()), ("join", (["x", "y"],)), ("ljust", (9, ".")), ("lower", ()),
    ("lstrip", ("b",)), ("partition", ("n",)), ("removeprefix", ("ba",)), ("removesuffix", ("na",)),
    ("replace", ("a", "o")), ("rfind", ("an",)), ("rindex", ("a",)), ("rjust", (9,)), ("rpartition", ("n",)),
    ("rsplit", ("a", 1)), ("rstrip", ("a",)), ("split", ("n",)), ("splitlines", ()), ("startswith", ("ba",)),
    ("strip", ("ab",)), ("swapcase", ()), ("title", ()), ("translate", ({97: "4"},)), ("upper", ()), ("zfill", (9,)),
]
public = sorted(n for n in dir(str) if not n.startswith("_") and n != "maketrans")
print(public == sorted(n for n, _ in calls))
for recv in ["banana", "Hello World", "a\tb\nc"]:
    out = []
    for name, args in calls:
        try:
            out.append(getattr(recv, name)(*args))
        except ValueError as e:
            out.append("ValueError")
    print(repr(recv), out)
