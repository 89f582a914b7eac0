import os
os.environ["WEFT_TEST_VAR"] = "value1"
print(os.environ["WEFT_TEST_VAR"], os.getenv("WEFT_TEST_VAR"), os.environ.get("WEFT_NOT_SET"), os.getenv("WEFT_NOT_SET", "dflt"))
print("WEFT_TEST_VAR" in os.environ, isinstance(os.environ, os._Environ) if hasattr(os, "_Environ") else True)
del os.environ["WEFT_TEST_VAR"]
print("WEFT_TEST_VAR" in os.environ)
try:
    os.environ["WEFT_NOT_SET"]
except KeyError as e:
    print("KeyError", e)
os.environ.setdefault("WEFT_SD", "x")
print(os.environ.pop("WEFT_SD"), os.environ.pop("WEFT_SD", None))
print(type(os.environb if hasattr(os, "environb") else {}).__name__ != "", "PATH" in os.environ)
