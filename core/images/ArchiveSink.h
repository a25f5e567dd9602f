// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArchiveEntry.h"
#include "Result.h"

#include <QString>

#include <memory>

/// Where ArchiveExtractor's one entry loop hands each entry: a directory tree (RootfsWriter,
/// Unix) or nowhere, the data only read (checkOnly(), which Windows uses, since NTFS cannot hold
/// a Linux rootfs faithfully and WSL imports the tarball itself). Devices and sockets never reach a sink.
class ArchiveSink
{
public:
    virtual ~ArchiveSink() = default;

    /// Takes the entry whose header the reader has just read, with its data.
    /// @p maxBytes bounds the file contents read in total.
    virtual Result<void> write(archive *reader, const ArchiveEntry &entry, ExtractReport &report, qint64 maxBytes) = 0;
    /// Called once every entry has been taken.
    virtual Result<void> finish() = 0;

    /// A sink writing below @p targetDir, an existing directory; Unsupported on Windows.
    static Result<std::unique_ptr<ArchiveSink>> tree(const QString &targetDir);
    /// A sink that reads every file's data (so it is counted and checked) and writes nothing.
    static std::unique_ptr<ArchiveSink> checkOnly();
};
