ｗｉｄｔｈ = µ + ﬁx
class ﬀ: pass
