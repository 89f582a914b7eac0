'\n\t\r\\\'\"\a\b\f\v'
'\x41\x7f\x80\xff'
'\101\0\7\377'
'\u00e9\u4e2d\U0001F600'
'\d\q'
'line\
continued'
'\N{BULLET}\N{EM DASH}\N{greek small letter alpha}'
'\ud800'
