# expected: python3.13 (the reference)
from decimal import *
D=Decimal
print(D('1.10')+D('2.20'), round(D('2.675'),2), abs(D('-1.5')), D(1)/D(3), D('1e3'), D('0.1')*3==D('0.3'), D('1.1')+2, D(3)/D(4), round(D('7.455'),2), int(D('-7.9')))
print(repr(D('1.50')), D(0.1), D('-0'), D('NaN'), D('-Infinity'), D('1E-7'), D('0.000001'), D('123.456e2'), D('1e-10')*D('1e-10'), D(10)/D(4), D(1)/D(8), D(2)**10, D('10')/D('3'), D(-7)//D(2), D(-7)%D(2), D('12.345').quantize(D('0.01')), D('1.2345E+10'))
print(D(2)*D('1.5'), D(100)/D(10), D('1.0')/D('0.1'), D(1)-D('0.1'), D('5')-D('5'), D('1e5')+D('1'), str(D('1e28')+1), D(1)/D(7)*7, D('3.14159').to_integral_value(), round(D('2.5')), round(D('3.5')), float(D('1.5')), D('1.50').normalize(), D('100').normalize(), D('0.0').normalize())
print(D('1') == 1, D('0.5') == 0.5, D(2) > 1, D('1.5') < D('2'), hash(D('0.5')) == hash(0.5), hash(D(2)) == hash(2), D('1.0') == D('1'), sorted([D('2'), D('1.5'), D('-1')]), D('3.0').as_tuple(), D('1.1').as_integer_ratio(), max(D(1), D(2)), -D('1.5'), +D('1.5'))
getcontext().prec = 5; print(D(1)/D(3), D('123456789') + 0); getcontext().prec = 28
for bad in ['D(1)/0', 'D(0)/0', 'D("abc")', 'D(1)+1.0', 'D(1) < 1.5', 'D(1) * 1.5', '1.5 + D(1)', 'D("1").sqrt()', 'D(2).sqrt()', 'D("inf") - D("inf")']:
    try: print(eval(bad))
    except Exception as e: print(type(e).__name__, e)
print(f'{D("3.14159"):.2f}', format(D('1234.5'), ','), format(D('0.5'), '%'), f'{D("1.5"):>8}', f'{D("2"):e}', f'{D("-1.25"):+.1f}', f'{D("1234.5678"):,.2f}', f'{D("0.000123"):.2e}', f'{D("5"):05}')
with localcontext() as ctx:
    ctx.prec = 3
    print(D(2) / D(3), D('1.2345') + 0)
print(D(2) / D(3), D('1.23456789012345678901234567890123'), +D('1.23456789012345678901234567890123'), D(1) / D('0.3'), D('9.99') * D('9.99'), D(2).sqrt()**2, D('16').sqrt(), D('0.25').sqrt(), D(7) % D('0.5'), divmod(D(7), D(2)), D('-2.5').__floor__(), D('2.5').__ceil__())
print(getcontext().prec, getcontext().rounding, D(1).is_zero(), D(0).is_zero(), D('1.5').adjusted(), D('123').adjusted(), D('1e-3').adjusted(), D(5).compare(D(3)), D('2').scaleb(3))
