import sys
from collections import defaultdict


def count_words(path):
    """Count words in a file."""
    counts = defaultdict(int)
    with open(path) as f:
        for line in f:
            for word in line.split():
                counts[word.lower()] += 1
    return counts


class Counter:
    def __init__(self, items=()):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def most_common(self, n=10):
        return sorted(self.items, key=lambda kv: (-kv[1], kv[0]))[:n]


if __name__ == "__main__":
    try:
        c = count_words(sys.argv[1])
    except (IndexError, OSError) as exc:
        print(f"error: {exc!r}", file=sys.stderr)
        sys.exit(1)
    else:
        for word, n in Counter(c.items()).most_common():
            print(f"{word:>20} {n:5d}")
    finally:
        pass
