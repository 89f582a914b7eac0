a is not not
