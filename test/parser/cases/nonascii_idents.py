é = 1
π = 3.14
变量 = 2
ñame.attr = é
class Ünïcode: pass
