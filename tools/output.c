/*
 * output.c - files the user keeps, written safely whatever the path names
 * (see output.h for the rules and why).
 *
 * The old way (temporary file beside PATH, renamed over PATH) was right only
 * for regular files: it replaced a device with a regular file when run as
 * root, replaced a symbolic link instead of writing its target, sent nothing
 * to a FIFO or /dev/stdout, made a 600 file 644, and failed for names of
 * 246-255 bytes (PATH.tmpXXXXXX was over NAME_MAX). Here the path is first
 * resolved, link by link, to what it finally names.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1 /* realpath and fchown are not in strict POSIX 2008 C */
#endif
#include "output.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40 /* as the kernel's own limit on a chain of links */

static int report(const char *path, int err)
{
    error_message("%s: %s", path, strerror(err));
    return -1;
}

/* Writes all of data to fd. 0, or -1 with errno set. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* The directory part of path ("." when there is none), malloc'd. */
static char *directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* A link in /proc (/dev/stdout is a link to /proc/self/fd/1, /dev/fd to
 * /proc/self/fd): what it names is an open descriptor, not a path. When it
 * is one of ours, its number; otherwise -1 (and *in_proc says whether the
 * link is in /proc at all). */
static int proc_fd(const char *link, bool *in_proc)
{
    *in_proc = false;
    char *dir = directory_of(link);
    char *real = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    if (real == NULL)
        return -1;
    *in_proc = strncmp(real, "/proc/", 6) == 0 || strcmp(real, "/proc") == 0;
    char own[64];
    snprintf(own, sizeof own, "/proc/%ld/fd", (long)getpid());
    bool ours = strcmp(real, own) == 0;
    free(real);
    if (!ours)
        return -1;
    const char *base = strrchr(link, '/');
    base = base ? base + 1 : link;
    char *end;
    long fd = strtol(base, &end, 10);
    if (end == base || *end != '\0' || fd < 0 || fd > INT_MAX)
        return -1;
    return (int)fd;
}

/* Writes to an open descriptor, such as standard output through /dev/stdout. */
static int write_descriptor(const char *path, int fd, const void *data, size_t len)
{
    if (fd == STDOUT_FILENO) {
        if (fflush(stdout) != 0)
            return report(path, errno);
    }
    if (write_all(fd, data, len) != 0)
        return report(path, errno);
    return 0;
}

/* Opens what is not a regular file (a device, a FIFO) and writes to it. */
static int write_directly(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return report(path, errno);
    if (write_all(fd, data, len) != 0) {
        int err = errno;
        close(fd);
        return report(path, err);
    }
    if (close(fd) != 0)
        return report(path, errno);
    return 0;
}

/* Temporary file beside target, then renamed over it. `old` is the file
 * being replaced (its mode and owner are kept), or NULL for a new one. */
static int write_replacing(const char *shown_path, const char *target, const struct stat *old,
                           const void *data, size_t len)
{
    char *dir = directory_of(target);
    if (dir == NULL)
        return report(shown_path, ENOMEM);
    /* a short name in the same directory (so rename is atomic), whatever
     * the length of the target's own name */
    size_t n = strlen(dir) + sizeof "/.ssem-XXXXXX";
    char *tmp = malloc(n);
    if (tmp == NULL) {
        free(dir);
        return report(shown_path, ENOMEM);
    }
    snprintf(tmp, n, "%s/.ssem-XXXXXX", dir);
    free(dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return report(shown_path, err);
    }
    mode_t mode;
    if (old != NULL) {
        mode = old->st_mode & 07777;
        if (old->st_uid != geteuid() || old->st_gid != getegid())
            (void)!fchown(fd, old->st_uid, old->st_gid); /* best effort: root can */
    } else {
        mode_t mask = umask(0); /* what a plain open would have made */
        umask(mask);
        mode = 0666 & ~mask;
    }
    int err = 0;
    if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != 0 ||
        (fsync(fd) != 0 && errno != EINVAL))
        err = errno;
    if (close(fd) != 0 && err == 0)
        err = errno;
    if (err == 0 && rename(tmp, target) != 0)
        err = errno;
    if (err != 0)
        unlink(tmp);
    free(tmp);
    return err != 0 ? report(shown_path, err) : 0;
}

int write_output(const char *path, const void *data, size_t len)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || finish_stdout() != 0)
            return -1;
        return 0;
    }
    /* follow the links one by one, to the file they finally name */
    char *cur = strdup(path);
    if (cur == NULL)
        return report(path, ENOMEM);
    int rc;
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0) {
            rc = errno == ENOENT ? write_replacing(path, cur, NULL, data, len)
                                 : report(path, errno);
            break;
        }
        if (S_ISREG(st.st_mode)) {
            rc = write_replacing(path, cur, &st, data, len);
            break;
        }
        if (!S_ISLNK(st.st_mode)) {
            rc = write_directly(cur, data, len);
            break;
        }
        bool in_proc;
        int fd = proc_fd(cur, &in_proc);
        if (fd >= 0) {
            rc = write_descriptor(path, fd, data, len);
            break;
        }
        if (in_proc) { /* another process's descriptor: as the kernel opens it */
            rc = write_directly(cur, data, len);
            break;
        }
        if (hops >= MAX_LINKS) {
            rc = report(path, ELOOP);
            break;
        }
        char target[PATH_MAX];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n < 0) {
            rc = report(path, errno);
            break;
        }
        target[n] = '\0';
        char *next;
        if (target[0] == '/') {
            next = strdup(target);
        } else { /* relative to the link's own directory */
            char *dir = directory_of(cur);
            size_t size = (dir ? strlen(dir) : 0) + (size_t)n + 2;
            next = dir ? malloc(size) : NULL;
            if (next != NULL)
                snprintf(next, size, "%s/%s", dir, target);
            free(dir);
        }
        if (next == NULL) {
            rc = report(path, ENOMEM);
            break;
        }
        free(cur);
        cur = next;
    }
    free(cur);
    return rc;
}

int write_output_text(const char *path, const char *text)
{
    return write_output(path, text, strlen(text));
}
