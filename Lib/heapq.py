"""Heap queue algorithm (a.k.a. priority queue).

Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k.
heappush/heappop/heapify/heapreplace/heappushpop come from the C module
_heapq when present (Python versions otherwise); nlargest, nsmallest and
merge are written here.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    """Maxheap version of a heappop followed by a heappush."""
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def _heapify_max(x):
    """Transform list into a maxheap, in-place, in O(len(x)) time."""
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup_max(x, i)


def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    'Maxheap variant of _siftdown'
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    'Maxheap variant of _siftup'
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


class _MergeEntry:
    """One input of merge(): its current value and sort key."""

    __slots__ = ('key', 'order', 'value', 'source', 'reverse')

    def __init__(self, key, order, value, source, reverse):
        self.key = key
        self.order = order
        self.value = value
        self.source = source
        self.reverse = reverse

    def __lt__(self, other):
        # Ties go to the earlier input, so merging is stable.
        if self.key == other.key:
            return self.order < other.order
        if self.reverse:
            return other.key < self.key
        return self.key < other.key


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (lazily; stable:
    equal items come out in the order of their inputs)."""
    heap = []
    for order, source in enumerate(map(iter, iterables)):
        for value in source:
            k = value if key is None else key(value)
            heap.append(_MergeEntry(k, order, value, source, reverse))
            break
    heapify(heap)
    while heap:
        entry = heap[0]
        yield entry.value
        for value in entry.source:
            entry.value = value
            entry.key = value if key is None else key(value)
            heapreplace(heap, entry)
            break
        else:
            heappop(heap)


class _Reversed(tuple):
    """A tuple whose order is reversed (turns the min-heap into a max-heap)."""

    __slots__ = ()

    def __lt__(self, other):
        return tuple.__lt__(other, self)


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n <= 0:
        return []
    try:
        if n >= len(iterable):
            return sorted(iterable, key=key)[:n]
    except TypeError:
        pass
    # Keep the n best seen so far in a max-heap on (key, position): the
    # worst of them is on top and is replaced by anything better.
    heap = []
    for position, item in enumerate(iterable):
        k = item if key is None else key(item)
        if len(heap) < n:
            heappush(heap, _Reversed((k, position, item)))
        elif (k, position) < heap[0][:2]:
            heapreplace(heap, _Reversed((k, position, item)))
    return [item for k, position, item in sorted(heap, key=lambda e: e[:2])]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n <= 0:
        return []
    try:
        if n >= len(iterable):
            return sorted(iterable, key=key, reverse=True)[:n]
    except TypeError:
        pass
    # A min-heap on (key, -position): the smallest key (latest position
    # among equals) is on top and is replaced by anything better.
    heap = []
    for position, item in enumerate(iterable):
        k = item if key is None else key(item)
        if len(heap) < n:
            heappush(heap, (k, -position, item))
        elif heap[0][:2] < (k, -position):
            heapreplace(heap, (k, -position, item))
    heap.sort(key=lambda e: e[:2], reverse=True)
    return [item for k, negpos, item in heap]


try:
    from _heapq import *
except ImportError:
    pass
try:
    from _heapq import _heapreplace_max
except ImportError:
    pass
try:
    from _heapq import _heapify_max
except ImportError:
    pass
try:
    from _heapq import _heappop_max
except ImportError:
    pass
