a.b
a.b.c
a.b().c
a().b[1].c
