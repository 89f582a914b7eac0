import sys
count = int(input())
nums = [int(input()) for _ in range(count)]
print(sum(nums), max(nums), min(nums))
rest = sys.stdin.read().split()
print(rest)
