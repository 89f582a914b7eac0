#!/usr/bin/env python3
"""gen_unicode_db.py: generate Objects/unicodetype_db.h, the character
database behind str's predicates and case mappings, from the running
python3's unicodedata and str methods.

Usage: python3 Tools/gen_unicode_db.py > Objects/unicodetype_db.h

Each code point maps to a record (flags, case mappings, digit and numeric
values) through a two-level table: index1[cp >> SHIFT] picks a block,
index2[(block << SHIFT) + (cp & mask)] picks the record.  Identical blocks
are shared, so the tables stay small (tens of KB, not megabytes).

Case mappings are stored as deltas (cp + delta) when they map one character
to one character, else as an index into an array of extended mappings, with
the length in the top byte.  Properties come from the str methods themselves
(isalpha, isdecimal, ..., upper, lower, title, casefold), so Weft agrees with
the python3 that generated the tables.  Cased and Case_Ignorable (needed
for the final-sigma rule of lower()) are recovered from how lower() treats
capital sigma next to the character.
"""
import sys
import unicodedata

MAXCP = 0x110000

ALPHA = 1 << 0
DECIMAL = 1 << 1
DIGIT = 1 << 2
NUMERIC = 1 << 3
SPACE = 1 << 4
PRINTABLE = 1 << 5
LINEBREAK = 1 << 6
LOWER = 1 << 7
UPPER = 1 << 8
TITLE = 1 << 9
CASED = 1 << 10
CASE_IGNORABLE = 1 << 11
XID_START = 1 << 12
XID_CONTINUE = 1 << 13
EXT_UPPER = 1 << 14
EXT_LOWER = 1 << 15
EXT_TITLE = 1 << 16
EXT_FOLD = 1 << 17


def main():
    ext = []            # extended case mapping characters
    ext_index = {}      # tuple -> index in ext

    def ext_ref(chars):
        key = tuple(chars)
        if key not in ext_index:
            ext_index[key] = len(ext)
            ext.extend(key)
        return (len(key) << 24) | ext_index[key]

    records = []
    record_index = {}
    numerics = []
    numeric_index = {}
    cp_record = [0] * MAXCP

    for cp in range(MAXCP):
        c = chr(cp)
        flags = 0
        if c.isalpha():
            flags |= ALPHA
        if c.isdecimal():
            flags |= DECIMAL
        if c.isdigit():
            flags |= DIGIT
        if c.isnumeric():
            flags |= NUMERIC
        if c.isspace():
            flags |= SPACE
        if c.isprintable():
            flags |= PRINTABLE
        if len(('a' + c + 'b').splitlines()) == 2:
            flags |= LINEBREAK
        if c.islower():
            flags |= LOWER
        if c.isupper():
            flags |= UPPER
        cat = unicodedata.category(c)
        if cat == 'Lt':
            flags |= TITLE
        if c.isidentifier():
            flags |= XID_START
        if ('a' + c).isidentifier():
            flags |= XID_CONTINUE
        # Cased / Case_Ignorable from the final-sigma behaviour of lower().
        if cat not in ('Cs',):
            t1 = ('A' + c + '\u03a3').lower()[-1] == '\u03c2'
            t3 = (c + '\u03a3').lower()[-1] == '\u03c2'
            ignorable = t1 and not t3
            cased = t3 or (ignorable and (c.islower() or c.isupper() or cat == 'Lt'))
            if ignorable:
                flags |= CASE_IGNORABLE
            if cased:
                flags |= CASED

        def mapping(m, extflag):
            nonlocal flags
            if len(m) == 1:
                return ord(m) - cp
            flags |= extflag
            return ext_ref(ord(x) for x in m)

        up = mapping(c.upper(), EXT_UPPER)
        lo = mapping(c.lower(), EXT_LOWER)
        ti = mapping(c.title(), EXT_TITLE)
        fold = c.casefold()
        if fold != c.lower():
            flags |= EXT_FOLD
            fo = ext_ref(ord(x) for x in fold)
        else:
            fo = 0
        dec = unicodedata.decimal(c, None)
        dig = unicodedata.digit(c, None)
        num = unicodedata.numeric(c, None)
        if num is not None:
            key = repr(num)
            if key not in numeric_index:
                numeric_index[key] = len(numerics)
                numerics.append(num)
            ni = numeric_index[key]
        else:
            ni = 0xffff
        rec = (flags, up, lo, ti, fo,
               255 if dec is None else dec,
               255 if dig is None else dig, ni)
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        cp_record[cp] = record_index[rec]

    # Two-level table; choose the block size giving the smallest total.
    best = None
    for shift in range(4, 10):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, MAXCP, size):
            blk = tuple(cp_record[start:start + size])
            if blk not in blocks:
                blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(blocks[blk])
        i1w = 1 if len(blocks) < 256 else 2
        i2w = 1 if len(records) < 256 else 2
        total = len(index1) * i1w + len(index2) * i2w
        if best is None or total < best[0]:
            best = (total, shift, index1, index2, i1w, i2w)
    total, shift, index1, index2, i1w, i2w = best

    out = sys.stdout
    w = out.write
    w("/* unicodetype_db.h: the character database tables, generated by\n")
    w(" * Tools/gen_unicode_db.py from python3 %s (Unicode %s).  Do not edit.\n"
      % (sys.version.split()[0], unicodedata.unidata_version))
    w(" * %d records, %d extended case characters, %d numeric values,\n"
      % (len(records), len(ext), len(numerics)))
    w(" * two-level index with %d-code-point blocks: %d bytes of index. */\n\n"
      % (1 << shift, total))
    w("#define UNIDB_SHIFT %d\n" % shift)
    for name, val in [("ALPHA", ALPHA), ("DECIMAL", DECIMAL), ("DIGIT", DIGIT),
                      ("NUMERIC", NUMERIC), ("SPACE", SPACE), ("PRINTABLE", PRINTABLE),
                      ("LINEBREAK", LINEBREAK), ("LOWER", LOWER), ("UPPER", UPPER),
                      ("TITLE", TITLE), ("CASED", CASED), ("CASE_IGNORABLE", CASE_IGNORABLE),
                      ("XID_START", XID_START), ("XID_CONTINUE", XID_CONTINUE),
                      ("EXT_UPPER", EXT_UPPER), ("EXT_LOWER", EXT_LOWER),
                      ("EXT_TITLE", EXT_TITLE), ("EXT_FOLD", EXT_FOLD)]:
        w("#define UNIDB_%s 0x%x\n" % (name, val))
    w("\ntypedef struct {\n    uint32_t flags;\n    int32_t upper, lower, title, fold;\n"
      "    uint8_t decimal, digit;\n    uint16_t numeric;\n} unidb_record;\n\n")
    w("static const unidb_record unidb_records[%d] = {\n" % len(records))
    for r in records:
        w("    {0x%x, %d, %d, %d, %d, %d, %d, %d},\n" % r)
    w("};\n\n")

    def array(ctype, name, data, per=16):
        w("static const %s %s[%d] = {\n" % (ctype, name, len(data)))
        for i in range(0, len(data), per):
            w("    " + ", ".join(str(x) for x in data[i:i + per]) + ",\n")
        w("};\n\n")

    array("uint32_t", "unidb_ext", ext or [0], 8)
    w("static const double unidb_numeric[%d] = {\n" % len(numerics))
    for v in numerics:
        w("    %r,\n" % v)
    w("};\n\n")
    array("uint8_t" if i1w == 1 else "uint16_t", "unidb_index1", index1, 24)
    array("uint8_t" if i2w == 1 else "uint16_t", "unidb_index2", index2, 24)


if __name__ == "__main__":
    main()
