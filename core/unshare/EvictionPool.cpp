// SPDX-License-Identifier: GPL-3.0-or-later
#include "EvictionPool.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/close_range.h>
#include <system_error>
#include <thread>
#include <unistd.h>

void EvictionPool::release(int fd)
{
    if (fd < 0)
        return;
    m_fds.push_back(fd);
    if (m_fds.size() >= kBatch)
        flush();
}

void EvictionPool::flush()
{
    const size_t count = m_fds.size();
    const size_t stride = std::min<size_t>(count, kMaxThreads);
    const auto closeSlice = [this, count, stride](size_t first) {
        for (size_t i = first; i < count; i += stride)
            close(m_fds[i]);
    };
    std::vector<std::thread> threads;
    size_t slice = 1;
    try {
        for (; slice < stride; ++slice)
            threads.emplace_back(closeSlice, slice);
    } catch (const std::system_error &) {
        // Out of threads: what no thread took, this one closes.
        for (; slice < stride; ++slice)
            closeSlice(slice);
    }
    if (count > 0)
        closeSlice(0);
    for (std::thread &thread : threads)
        thread.join();
    m_fds.clear();
}

void EvictionPool::detach()
{
    if (m_fds.empty())
        return;
    // The closer frees the blocks only if it drops the last reference to each inode: it waits for
    // this gate to close, which happens after the owner has closed its own copies (or died).
    int gate[2];
    if (pipe2(gate, O_CLOEXEC) < 0) {
        flush();
        return;
    }
    const pid_t child = fork();
    if (child == 0) {
        close(gate[1]);
        // Nothing of the owner's but the held descriptors: the caller reading the owner's output
        // sees its end when the owner ends.
        std::vector<int> keep = m_fds;
        keep.push_back(gate[0]);
        std::sort(keep.begin(), keep.end());
        unsigned next = 0;
        for (int fd : keep) {
            if (static_cast<unsigned>(fd) > next)
                close_range(next, static_cast<unsigned>(fd) - 1, 0);
            next = static_cast<unsigned>(fd) + 1;
        }
        close_range(next, ~0U, 0);
        const int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        for (int stdFd = 0; stdFd < 3 && null >= 0; ++stdFd) {
            if (!std::binary_search(keep.begin(), keep.end(), stdFd))
                dup2(null, stdFd);
        }
        char byte = 0;
        while (read(gate[0], &byte, 1) < 0 && errno == EINTR) { }
        flush();
        _exit(0);
    }
    close(gate[0]);
    if (child < 0) {
        close(gate[1]);
        flush();
        return;
    }
    // The closer still holds every inode: these closes free nothing and cost nothing. Not waited
    // for: it is reaped by whoever adopts it when the owner, a short-lived launcher, exits.
    for (int fd : m_fds)
        close(fd);
    m_fds.clear();
    close(gate[1]);
}
