# helper module for suggestions.py
def compute_total(x):
    return x
_private_helper = 1
