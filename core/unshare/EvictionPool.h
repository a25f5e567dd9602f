// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

/// Closes file descriptors of unlinked files and directories all at once, on as many threads.
/// Whoever drops the last reference to an unlinked inode frees its blocks, and ext4 mounted with
/// `discard` and without a journal (as on the build machine) sends the discard for them and waits
/// for it: 1-4 ms per directory, summed up when one thread removes a tree. Holding each inode open
/// across its unlink and closing the descriptors concurrently overlaps those waits; and the last
/// batch is closed by a detached process, so the owner returns as soon as every name is gone while
/// the blocks are freed behind it, as a journalled ext4 discards after its commit.
class EvictionPool
{
public:
    EvictionPool() = default;
    EvictionPool(const EvictionPool &) = delete;
    EvictionPool &operator=(const EvictionPool &) = delete;
    ~EvictionPool() { detach(); }

    /// Takes @p fd (ignored when negative); it is closed by the next flush() or detach().
    void release(int fd);
    /// Closes every descriptor taken, concurrently, and waits for them.
    void flush();
    /// Hands every descriptor taken to a detached process that closes them as flush() does once
    /// the owner's copies are closed, and returns at once (flush() itself when no process can be
    /// made). The process is not waited for: meant for an owner that exits right after.
    void detach();

    static constexpr unsigned kMaxThreads = 16;
    /// A flush happens by itself at this many descriptors: a bound on the files held open.
    static constexpr unsigned kBatch = 128;

private:
    std::vector<int> m_fds;
};
