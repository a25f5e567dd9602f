// SPDX-License-Identifier: GPL-3.0-or-later
#include "EvictionPool.h"

#include <algorithm>
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
