// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

/// The file a download appends to, opened without following a link at its path (the cache's
/// tmp/ must not be turned into a way to write elsewhere). Errors carry Error::Kind::NoSpace
/// when the disk is full. UnixDownloadFile.cpp: open(2) with O_NOFOLLOW | O_APPEND;
/// WinDownloadFile.cpp: CreateFileW, refusing a reparse point.
class DownloadFile
{
public:
    DownloadFile() = default;
    ~DownloadFile() { close(); }
    DownloadFile(const DownloadFile &) = delete;
    DownloadFile &operator=(const DownloadFile &) = delete;

    /// Opens (creating) @p path for appending; emptied first unless @p keep.
    Result<void> open(const QString &path, bool keep);
    /// Appends all of @p size bytes at @p data.
    Result<void> append(const char *data, qint64 size);
    /// Cuts the file to @p size bytes; the next append() writes there.
    Result<void> truncate(qint64 size);
    void close();
    bool isOpen() const { return m_handle != kClosed; }

private:
    static constexpr qintptr kClosed = -1;
    QString m_path;
    qintptr m_handle = kClosed; ///< a file descriptor on Unix, a HANDLE on Windows
};
