def main():
    print("main ran", __name__)
if __name__ == "__main__":
    main()
import _helper_mod
print(_helper_mod.__name__ != "__main__")
