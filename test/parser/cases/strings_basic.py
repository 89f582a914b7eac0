'a'
"b"
'''c'''
"""d
e"""
'it''s'
"it's"
'say "hi"'
'both \' and "'
