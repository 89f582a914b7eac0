s = "hello World, ÄÖ ß"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("hello world".title(), "they're bill's".title(), "ǅungla".capitalize())
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "½".isnumeric(), "²".isdigit(), "²".isdecimal())
print("   ".isspace(), "".isspace(), "Abc".istitle(), "ABC".isupper(), "abc".islower(), "a_b".isidentifier(), "1a".isidentifier())
print("abc".isascii(), "é".isascii(), "\t".isprintable(), "abc".isprintable(), "ß".upper(), "İ".lower().encode())
