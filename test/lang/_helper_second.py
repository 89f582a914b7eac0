# helper module: imports the first helper
from _helper_mod import VALUE
DOUBLE = VALUE * 2
