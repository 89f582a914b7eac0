u'abc'
U"x"
