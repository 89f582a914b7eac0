def f():
  yield from
