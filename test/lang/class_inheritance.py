class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
class Cat(Animal):
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives
for a in (Animal("a"), Dog("d"), Puppy("p"), Cat("c")):
    print(a.speak())
print(Cat("c").lives, issubclass(Puppy, Animal), issubclass(Animal, Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__, Animal.__bases__)
