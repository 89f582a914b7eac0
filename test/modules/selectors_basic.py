# selectors: register/modify/unregister, select() results for pipes, the
# key mapping, errors (messages as CPython's), SelectSelector and PollSelector.
import os
import selectors

class F:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
    def __repr__(self):
        return 'F(%d)' % self.fd

def t(f, *a):
    try:
        r = f(*a)
        print(r if not isinstance(r, selectors.SelectorKey) else (r.fd, r.events, r.data))
    except Exception as e:
        print(type(e).__name__, e)

def summary(ready):
    return sorted((k.fd == rfd and 'r' or 'w', ev, k.data) for k, ev in ready)

print(selectors.EVENT_READ, selectors.EVENT_WRITE, selectors.DefaultSelector.__name__ in ('PollSelector', 'EpollSelector'))
for label, cls in [('select', selectors.SelectSelector), ('poll', selectors.PollSelector),
                   ('default', selectors.DefaultSelector)]:
    print('--', label)
    rfd, wfd = os.pipe()
    with cls() as sel:
        rk = sel.register(rfd, selectors.EVENT_READ, 'reader')
        wk = sel.register(F(wfd), selectors.EVENT_WRITE)
        print(rk.fd == rfd, rk.events, rk.data, wk.fd == wfd, isinstance(rk, tuple))
        print(summary(sel.select(0)))
        os.write(wfd, b'x')
        print(summary(sel.select(1)))
        print(len(sel.get_map()), sel.get_map()[rfd].data, sel.get_key(rfd).data, rfd in sel.get_map())
        t(sel.register, rfd, selectors.EVENT_READ)
        t(sel.register, 99, 0)
        t(sel.register, 99, 4)
        t(sel.register, 'x', 1)
        t(sel.register, -2, 1)
        t(sel.unregister, 98)
        t(sel.get_key, 98)
        k = sel.modify(rfd, selectors.EVENT_READ, 'again')
        print(k.data, sel.get_key(rfd).data)
        k = sel.modify(rfd, selectors.EVENT_READ | selectors.EVENT_WRITE, 'both')
        print(k.events, summary(sel.select(0)))
        t(sel.modify, 97, 1)
        os.read(rfd, 10)
        print(summary(sel.select(0)))
        print(sel.unregister(rfd).data, len(sel.get_map()))
        print(summary(sel.select(0.01)))
        os.close(wfd)
        print(sel.unregister(wk.fileobj).fileobj is wk.fileobj)
    print(sel.get_map())
    os.close(rfd)
