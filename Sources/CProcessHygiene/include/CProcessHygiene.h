#ifndef INTAKE_CPROCESSHYGIENE_H
#define INTAKE_CPROCESSHYGIENE_H

/// prctl(2) is variadic, so Swift cannot call it; these wrap the two calls
/// intake needs. On systems without prctl they do nothing and return -1.

/// prctl(PR_SET_DUMPABLE, 0): no core dump, no ptrace attach by the same
/// user, /proc/<pid>/mem closed. Returns 0 on success, -1 otherwise.
int intake_set_not_dumpable(void);

/// prctl(PR_GET_DUMPABLE): 0 or 1 (2 for suid_dumpable), -1 if unknown.
int intake_get_dumpable(void);

/// syncfs(2), a GNU extension that Swift's Glibc module does not import:
/// flushes the file system holding `fd`. 0 on success, -1 with errno set
/// otherwise (ENOSYS where there is no syncfs).
int intake_syncfs(int fd);

#endif
