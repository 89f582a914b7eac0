import errno, os
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EINTR])
print(sorted(k for k in errno.errorcode if k < 6))
for code in (errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.ECHILD, errno.ESRCH, errno.EINTR, errno.EPIPE, errno.ETIMEDOUT, errno.EINVAL):
    e = OSError(code, os.strerror(code))
    print(code, type(e).__name__, e.errno, e)
