// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

/// Closes file descriptors of unlinked files and directories all at once, on as many threads.
/// Whoever drops the last reference to an unlinked inode frees its blocks, and ext4 mounted with
/// `discard` and without a journal (as on the build machine) sends the discard for them and waits
/// for it: 1-4 ms per directory, summed up when one thread removes a tree. Holding each inode open
/// across its unlink and closing the descriptors concurrently overlaps those waits. flush() and the
/// destructor return when every close is done, so the work is finished when the owner is.
class EvictionPool
{
public:
    EvictionPool() = default;
    EvictionPool(const EvictionPool &) = delete;
    EvictionPool &operator=(const EvictionPool &) = delete;
    ~EvictionPool() { flush(); }

    /// Takes @p fd (ignored when negative); it is closed by the next flush().
    void release(int fd);
    /// Closes every descriptor taken, concurrently, and waits for them.
    void flush();

    static constexpr unsigned kMaxThreads = 16;
    /// A flush happens by itself at this many descriptors: a bound on the files held open.
    static constexpr unsigned kBatch = 128;

private:
    std::vector<int> m_fds;
};
