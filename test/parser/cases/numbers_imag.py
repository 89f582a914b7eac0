1j
1.5j
1e3j
0j
.5J
1e16j
1_0j
1e400j
