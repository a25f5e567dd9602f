// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"
#include "images/ImageCache.h"

#include <QUrl>

#include <functional>
#include <memory>

class ImagePuller;
class Settings;

/// What the image commands share: the cache and registry from the settings, and running one
/// ImagePuller job to its end with a progress bar on stderr when stderr is a terminal.
class ImageJob
{
public:
    explicit ImageJob(Console &console);
    ~ImageJob();

    /// False when the settings have errors (already printed); the command should exit 125.
    bool valid() const { return m_settings != nullptr; }
    ImageCache cache() const;
    QUrl registry() const;

    /// Starts @p job on a fresh puller, runs the event loop until it ends, and prints the
    /// outcome with @p describe (stdout) or the error (stderr). Returns the exit code.
    int run(const std::function<void(ImagePuller &)> &job,
            const std::function<QString(const ImageMetadata &)> &describe);

private:
    Console &m_console;
    std::unique_ptr<Settings> m_settings;
};
