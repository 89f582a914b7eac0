import io
stream = io.StringIO("one\ntwo\nthree\n")
while (line := stream.readline()):
    print(line.strip().upper())
nums = iter([3, 5, 0, 7])
total = 0
while (n := next(nums)) != 0:
    total += n
print(total, next(nums))
print([(x, y) for x in range(3) if (y := x * 2) > 1])
