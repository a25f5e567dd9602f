// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageLock.h"

// tryLock() and unlock() ask the platform: UnixImageLock.cpp (flock), WinImageLock.cpp (LockFileEx).

ImageLock::~ImageLock()
{
    unlock();
}

ImageLock::ImageLock(ImageLock &&other) noexcept : m_path(std::move(other.m_path)), m_fd(other.m_fd)
{
    other.m_fd = -1;
}
