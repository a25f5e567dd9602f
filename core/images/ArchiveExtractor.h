// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArchiveEntry.h"
#include "Result.h"

#include <QString>

class ArchiveSink;
class ArchiveStream;

/// Bounds against archive bombs; the defaults fit a full distribution image with room to spare.
struct ExtractLimits
{
    qint64 maxBytes = qint64(64) << 30; ///< file contents in total
    qint64 maxEntries = 4'000'000;
    int maxPathLength = 4096;           ///< bytes in one entry name
};

/// Reads a tar archive, plain or compressed with gzip, xz or zstd (recognised by content, not
/// by name), and either unpacks it into a directory with RootfsWriter (Unix) or only checks it:
/// every header read and every entry name and limit applied exactly as extraction does, the data
/// read and counted, nothing written (the cache's ArchiveOnly layout, as on Windows). Only
/// libarchive's tar reader and those filters are enabled: zip, rar, 7z and the rest are refused,
/// since their readers are where libarchive's recent CVEs live.
///
/// Blocking: call it on a worker thread, never on the GUI thread.
class ArchiveExtractor
{
public:
    explicit ArchiveExtractor(ExtractLimits limits = {}) : m_limits(limits) { }

    /// Extracts the archive file @p archivePath into @p targetDir (an existing, empty directory).
    /// When @p sha256 is given, it receives the hex digest of the whole file.
    Result<ExtractReport> extractFile(const QString &archivePath, const QString &targetDir,
                                      QByteArray *sha256 = nullptr) const;
    /// Checks the archive file @p archivePath as extractFile() would read it, writing nothing.
    Result<ExtractReport> checkFile(const QString &archivePath, QByteArray *sha256 = nullptr) const;
    /// Extracts what @p stream delivers, as it arrives. Closes the stream when done.
    Result<ExtractReport> extractStream(ArchiveStream &stream, const QString &targetDir) const;
    /// Checks what @p stream delivers, as it arrives, writing nothing. Closes the stream when done.
    Result<ExtractReport> checkStream(ArchiveStream &stream) const;

private:
    struct Source;
    Result<ExtractReport> readFile(const QString &archivePath, ArchiveSink &sink, QByteArray *sha256) const;
    Result<ExtractReport> readStream(ArchiveStream &stream, ArchiveSink &sink) const;
    Result<ExtractReport> read(Source &source, const QString &sourceName, ArchiveSink &sink) const;

    ExtractLimits m_limits;
};
