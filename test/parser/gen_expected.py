#!/usr/bin/env python3
"""gen_expected.py: regenerate the expected outputs of the parser tests.

For every cases/NAME.py this runs the machine's CPython (3.11 when written)
and writes
  NAME.ast        ast.dump(tree)
  NAME.attrs.ast  ast.dump(tree, include_attributes=True)   (unless NO_ATTRS)
  NAME.err        "Type: message (line L, offset O)" when CPython rejects it.
Files named eval_* / single_* are parsed with mode 'eval' / 'single'.

Python 3.11 and 3.12 differ in a few places (PEP 701 f-strings, some error
wording).  Those cases are HAND-WRITTEN below in HAND (3.12 behaviour, taken
from CPython 3.12's documented output) and are written verbatim instead of
asking python3; run.sh needs only the committed files.
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

# 3.11 prints f-string locations differently from 3.12 for some forms.
NO_ATTRS = {"fstring_tuple"}

# Expected results that differ between 3.11 and 3.12 (3.12 shown here).
HAND = {
    # PEP 701: same quotes nested, backslashes and comments in expressions.
    "fstring_pep701.ast": "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]), conversion=-1)]), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Call(func=Attribute(value=Constant(value='\\n'), attr='join', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), conversion=-1)])), Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]), conversion=-1)]))]))], type_ignores=[])\n",
    "err_def_default_order.err": "SyntaxError: parameter without a default follows parameter with a default (line 1, offset 12)\n",
    "err_lambda_default_order.err": "SyntaxError: parameter without a default follows parameter with a default (line 1, offset 17)\n",
    "err_slash_first.err": "SyntaxError: at least one argument must precede / (line 1, offset 7)\n",
    "err_invalid_in_fstring_expr.err": "SyntaxError: invalid syntax. Perhaps you forgot a comma? (line 1, offset 4)\n",
    "err_fstring_empty.err": "SyntaxError: f-string: valid expression required before '}' (line 1, offset 4)\n",
    "err_fstring_single_brace.err": "SyntaxError: f-string: single '}' is not allowed (line 1, offset 4)\n",
    "err_fstring_conversion.err": "SyntaxError: f-string: invalid conversion character 'z': expected 's', 'r', or 'a' (line 1, offset 6)\n",
    "err_fstring_missing_conversion.err": "SyntaxError: f-string: missing conversion character (line 1, offset 6)\n",
    "err_fstring_unclosed.err": "SyntaxError: f-string: expecting '}' (line 1, offset 5)\n",
    "err_fstring_unterminated.err": "SyntaxError: unterminated f-string literal (detected at line 1) (line 1, offset 1)\n",
    "fstring_nested_spec.ast": "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)]))]))]))], type_ignores=[])\n",
    "fstring_multiline.ast": "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)), conversion=-1)]))], type_ignores=[])\n",
    # CPython 3.13 places a bad escape's error at the start of the string token.
    'err2_named_escape_unclosed.err': "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: malformed \\N character escape (line 1, offset 1)\n",
    'err_truncated_u.err': "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape (line 1, offset 1)\n",
    'err_truncated_x.err': "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape (line 1, offset 1)\n",
    'err_unknown_name.err': "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name (line 1, offset 1)\n",
    # Running a file (rather than compile() of bytes) reports bad UTF-8 so:
    "err_nonutf8.err": "SyntaxError: Non-UTF-8 code starting with '\\xff' in file err_nonutf8.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details (line 1, offset 1)\n",
}


def expected(path, name):
    with open(path, "rb") as f:
        src = f.read()
    mode = "exec"
    if name.startswith("eval_"):
        mode = "eval"
    elif name.startswith("single_"):
        mode = "single"
    try:
        tree = compile(src, path, mode, ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return None, None, "%s: %s (line %s, offset %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset)
    plain = ast.dump(tree) + "\n"
    attrs = None if name in NO_ATTRS else ast.dump(tree, include_attributes=True) + "\n"
    return plain, attrs, None


def main():
    for fn in sorted(os.listdir(CASES)):
        if not fn.endswith(".py"):
            continue
        name = fn[:-3]
        base = os.path.join(CASES, name)
        for ext in (".ast", ".attrs.ast", ".err"):
            if os.path.exists(base + ext):
                os.remove(base + ext)
        hand = [ext for ext in (".ast", ".attrs.ast", ".err") if name + ext in HAND]
        if hand:
            for ext in hand:
                with open(base + ext, "w") as f:
                    f.write(HAND[name + ext])
            continue
        plain, attrs, err = expected(base + ".py", name)
        outs = {".ast": plain, ".attrs.ast": attrs, ".err": err}
        for ext, text in outs.items():
            if text is not None:
                with open(base + ext, "w") as f:
                    f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
