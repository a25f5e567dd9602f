// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

/// An exclusive, cross-process lock on one image name (`tmp/<name>.lock`, flock(2)).
/// The kernel drops it when its holder dies, so a crashed pull never blocks the next one.
class ImageLock
{
public:
    explicit ImageLock(QString path) : m_path(std::move(path)) { }
    ~ImageLock();
    ImageLock(const ImageLock &) = delete;
    ImageLock &operator=(const ImageLock &) = delete;
    ImageLock(ImageLock &&other) noexcept;

    /// Takes the lock without waiting: true when taken, false when another holder has it.
    Result<bool> tryLock();
    void unlock();
    bool isLocked() const { return m_fd >= 0; }
    QString path() const { return m_path; }

private:
    QString m_path;
    int m_fd = -1;
};
