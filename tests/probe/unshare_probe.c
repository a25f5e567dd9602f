/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A static program the container tests bind into the busybox rootfs, for the checks busybox
 * cannot make: socket families, io_uring, foreign syscall ABIs, the effective uid, terminal
 * injection, descriptors and writes through /proc/PID/exe. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int report(long rc)
{
    if (rc < 0) {
        printf("errno=%s\n", strerrorname_np(errno));
        return 1;
    }
    printf("ok\n");
    return 0;
}

/* Pushes TEXT into the input queue of the terminal on fd 0, as if typed there. */
static int injectTerminal(const char *text)
{
    for (const char *c = text; *c; ++c) {
        if (ioctl(0, TIOCSTI, c) < 0) {
            printf("errno=%s\n", strerrorname_np(errno));
            return 1;
        }
    }
    printf("ok\n");
    return 0;
}

/* Every descriptor open here, beyond 0-2, with what it refers to. */
static int listDescriptors(void)
{
    DIR *dir = opendir("/proc/self/fd");
    if (!dir) {
        printf("errno=%s\n", strerrorname_np(errno));
        return 1;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const int fd = atoi(entry->d_name);
        if (entry->d_name[0] == '.' || fd <= 2 || fd == dirfd(dir))
            continue;
        char link[64], target[512];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        const ssize_t n = readlink(link, target, sizeof target - 1);
        target[n < 0 ? 0 : n] = '\0';
        printf("fd %d -> %s\n", fd, target);
    }
    closedir(dir);
    printf("end\n");
    return 0;
}

/* Writes a marker through @p fd opened for writing; returns 1 when that worked. */
static int writeThrough(int fd, pid_t pid)
{
    if (fd < 0)
        return 0;
    const int wrote = write(fd, "#!/bin/sh\necho PWNED\n", 22) > 0;
    close(fd);
    printf("WROTE %d\n", (int)pid);
    return wrote;
}

/* Reopens the O_PATH handle @p handle for writing, as runc CVE-2019-5736 did. */
static int reopenForWriting(int handle)
{
    char again[64];
    snprintf(again, sizeof again, "/proc/self/fd/%d", handle);
    return open(again, O_WRONLY | O_CLOEXEC);
}

/* Tries to open /proc/PID/exe for writing, directly and through an O_PATH handle. */
static int writeExe(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/exe", (int)pid);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        const int handle = open(path, O_PATH | O_CLOEXEC);
        if (handle >= 0) {
            fd = reopenForWriting(handle);
            close(handle);
        }
    }
    return writeThrough(fd, pid);
}

/* True when /proc/PID/exe can be read and names a file whose name ends with @p name. */
static int exeNamed(int pid, const char *name)
{
    char path[64], target[512];
    snprintf(path, sizeof path, "/proc/%d/exe", pid);
    const ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0)
        return 0;
    target[n] = '\0';
    const size_t len = strlen(name);
    return (size_t)n >= len && strcmp(target + n - len, name) == 0;
}

/* For SECONDS, grabs an O_PATH handle on /proc/PID/exe of every other process running a binary
 * called NAME that appears (an entering launcher) and keeps trying to reopen each for writing,
 * also after the process has exited and its binary is no longer busy. Prints how many it held
 * and how many writes worked. */
static int watchExe(int seconds, const char *name)
{
    enum { kMaxPid = 4096 };
    static int handles[kMaxPid];
    const pid_t self = getpid();
    const time_t end = time(NULL) + seconds;
    int held = 0, wrote = 0;
    while (time(NULL) < end) {
        DIR *proc = opendir("/proc");
        if (!proc)
            return 1;
        struct dirent *entry;
        while ((entry = readdir(proc)) != NULL) {
            const int pid = atoi(entry->d_name);
            if (pid <= 1 || pid == self || pid >= kMaxPid || handles[pid] != 0 || !exeNamed(pid, name))
                continue;
            char path[64];
            snprintf(path, sizeof path, "/proc/%d/exe", pid);
            handles[pid] = open(path, O_PATH | O_CLOEXEC);
            if (handles[pid] >= 0)
                ++held;
            wrote += writeThrough(open(path, O_WRONLY | O_CLOEXEC), pid);
        }
        closedir(proc);
        for (int pid = 2; pid < kMaxPid; ++pid) {
            if (handles[pid] > 0)
                wrote += writeThrough(reopenForWriting(handles[pid]), pid);
        }
    }
    printf("held=%d wrote=%d\n", held, wrote);
    fflush(stdout);
    return wrote ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    const char *what = argv[1];
    if (strcmp(what, "socket-inet") == 0)
        return report(socket(AF_INET, SOCK_STREAM, 0));
    if (strcmp(what, "socket-inet6") == 0)
        return report(socket(AF_INET6, SOCK_DGRAM, 0));
    if (strcmp(what, "socket-netlink") == 0)
        return report(socket(AF_NETLINK, SOCK_RAW, 0));
    if (strcmp(what, "socket-unix") == 0)
        return report(socket(AF_UNIX, SOCK_STREAM, 0));
    if (strcmp(what, "socketpair-unix") == 0) {
        int sv[2];
        return report(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    }
    if (strcmp(what, "io-uring") == 0) {
        char params[120] = {0};
        return report(syscall(SYS_io_uring_setup, 4, params));
    }
    if (strcmp(what, "i386") == 0) {
        long ret = 20; /* getpid in the i386 table */
        __asm__ volatile("int $0x80" : "+a"(ret) : : "memory");
        printf("i386 getpid=%ld\n", ret);
        return ret > 0 ? 0 : 1;
    }
    if (strcmp(what, "x32") == 0) {
        long ret = syscall(0x40000000L | SYS_getpid);
        printf("x32 getpid=%ld\n", ret);
        return ret > 0 ? 0 : 1;
    }
    if (strcmp(what, "tiocsti") == 0 && argc > 2)
        return injectTerminal(argv[2]);
    if (strcmp(what, "fds") == 0)
        return listDescriptors();
    if (strcmp(what, "write-exe") == 0 && argc > 2)
        return writeExe(atoi(argv[2])) ? 1 : 0;
    if (strcmp(what, "watch-exe") == 0 && argc > 3)
        return watchExe(atoi(argv[2]), argv[3]);
    if (strcmp(what, "euid") == 0) {
        printf("%d\n", (int)geteuid());
        return 0;
    }
    return 2;
}
