// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "RootfsWriter.h"

#include <QString>

class ArchiveStream;

/// Bounds against archive bombs; the defaults fit a full distribution image with room to spare.
struct ExtractLimits
{
    qint64 maxBytes = qint64(64) << 30; ///< file contents written in total
    qint64 maxEntries = 4'000'000;
    int maxPathLength = 4096;           ///< bytes in one entry name
};

/// Unpacks a tar archive, plain or compressed with gzip, xz or zstd (recognised by content, not
/// by name), into a directory with RootfsWriter. Only libarchive's tar reader and those filters
/// are enabled: zip, rar, 7z and the rest are refused, since their readers are where libarchive's
/// recent CVEs live.
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
    /// Extracts what @p stream delivers, as it arrives. Closes the stream when done.
    Result<ExtractReport> extractStream(ArchiveStream &stream, const QString &targetDir) const;

private:
    struct Source;
    Result<ExtractReport> extract(Source &source, const QString &sourceName, const QString &targetDir) const;

    ExtractLimits m_limits;
};
