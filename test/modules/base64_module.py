# expected: python3.13 (the reference)
import base64
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd' * 30]:
    e = base64.b64encode(data)
    print(e[:60], base64.b64decode(e) == data, base64.urlsafe_b64encode(data)[:40], base64.b32encode(data)[:40], base64.b32decode(base64.b32encode(data)) == data, base64.b16encode(data)[:20], base64.b85encode(data)[:30], base64.b85decode(base64.b85encode(data)) == data, base64.a85encode(data)[:30], base64.a85decode(base64.a85encode(data)) == data)
print(base64.b64decode('Zm9v YmFy'), base64.b64decode(b'Zm8'+b'=='), base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'), base64.b32hexencode(b'abc'), base64.a85encode(b'\0\0\0\0 abc', adobe=True), base64.z85encode(b'\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b'))
for bad in ["base64.b64decode('Zm9')", "base64.b64decode('Zm9v!', validate=True)", "base64.b16decode('0g')", "base64.b64decode('A')", "base64.b64encode('str')"]:
    try: print(eval(bad))
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
