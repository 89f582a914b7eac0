from .. import NAME
from .. import core
LEAF = NAME + ".sub.leaf " + core.base()
