'a' 'b'
'a' "b" '''c'''
b'a' b'b'
('x'
 'y')
u'a' 'b'
'a' u'b'
