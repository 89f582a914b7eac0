"""JSON token scanner (kept for compatibility: make_scanner returns a
function scanning one JSON value from a position)."""

__all__ = ['make_scanner']


def py_make_scanner(context):
    from .decoder import _Parser

    def scan_once(string, idx):
        return _Parser(context, string).value(idx)
    return scan_once

make_scanner = py_make_scanner
