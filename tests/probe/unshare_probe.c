/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A static program the container tests bind into the busybox rootfs, for the checks busybox
 * cannot make: socket families, io_uring, foreign syscall ABIs, the effective uid. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
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
    if (strcmp(what, "euid") == 0) {
        printf("%d\n", (int)geteuid());
        return 0;
    }
    return 2;
}
