b'abc'
b'\x00\xff\n'
b"it's"
B'\101'
b'\u1234'
b''
