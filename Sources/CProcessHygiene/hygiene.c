#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include "CProcessHygiene.h"
#include <errno.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/prctl.h>

int intake_syncfs(int fd) { return syncfs(fd); }

int intake_set_not_dumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
int intake_get_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
#else
int intake_syncfs(int fd) { (void)fd; errno = ENOSYS; return -1; }
int intake_set_not_dumpable(void) { return -1; }
int intake_get_dumpable(void) { return -1; }
#endif
