'''abc

x
