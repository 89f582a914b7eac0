from ..util import helper as _h
def deep():
    return "sub.deep(" + _h() + ")"
