name = input()
print("name:", name)
age = input("age? ")
print("age:", int(age) + 1)
rest = []
while True:
    try:
        rest.append(input())
    except EOFError:
        break
print(rest)
