import string
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format("{} and {x:>5}", "abc", x="y"))
print(string.Template("$a$b ${c}d").substitute(a=1, b=2, c=3), string.Template("$x").safe_substitute())
class Custom(string.Template):
    delimiter = "%"
print(Custom("%who costs %%5").substitute(who="it"))
print(string.Template("${missing}").safe_substitute(), string.Template.pattern is not None)
