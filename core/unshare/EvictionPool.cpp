// SPDX-License-Identifier: GPL-3.0-or-later
#include "EvictionPool.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/wait.h>
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
    const pid_t child = fork();
    if (child == 0) {
        // The grandchild does the work; the child ends at once, so the owner waits for nothing.
        if (fork() != 0)
            _exit(0);
        // Nothing of the owner's but the held descriptors: the caller reading the owner's output
        // sees its end when the owner ends.
        std::sort(m_fds.begin(), m_fds.end());
        unsigned next = 0;
        for (int fd : m_fds) {
            if (static_cast<unsigned>(fd) > next)
                close_range(next, static_cast<unsigned>(fd) - 1, 0);
            next = static_cast<unsigned>(fd) + 1;
        }
        close_range(next, ~0U, 0);
        const int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        for (int stdFd = 0; stdFd < 3 && null >= 0; ++stdFd) {
            if (std::find(m_fds.begin(), m_fds.end(), stdFd) == m_fds.end())
                dup2(null, stdFd);
        }
        flush();
        _exit(0);
    }
    if (child < 0) {
        flush();
        return;
    }
    while (waitpid(child, nullptr, 0) < 0 && errno == EINTR) { }
    // Not the last references any more: these closes cost nothing.
    for (int fd : m_fds)
        close(fd);
    m_fds.clear();
}
