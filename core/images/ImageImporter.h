// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArchiveExtractor.h"
#include "ImageCache.h"
#include "Result.h"

/// Turns a local image archive into a cached image: extract into tmp/, keep a copy of the
/// archive in archives/, then commit. Blocking: run it on a worker thread, holding the image's lock.
class ImageImporter
{
public:
    explicit ImageImporter(ImageCache cache, ExtractLimits limits = {}) : m_cache(std::move(cache)), m_limits(limits) { }

    /// @p source is recorded as where the image came from (the file, or a URL).
    Result<ImageMetadata> importFile(const QString &archivePath, const QString &name, const QString &source) const;

    /// The archive file name kept for @p name: the name plus the archive's own extension.
    static QString archiveFileName(const QString &name, const QString &archivePath);

private:
    ImageCache m_cache;
    ExtractLimits m_limits;
};
