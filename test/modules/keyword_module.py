import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.iskeyword("True"), keyword.iskeyword("match"))
print(keyword.issoftkeyword("match"), keyword.issoftkeyword("case"), keyword.issoftkeyword("_"))
kws = set(keyword.kwlist)
core = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]
print(sorted(kws) == sorted(core), len(core))
