-x
+x
~x
not x
- - x
-1
