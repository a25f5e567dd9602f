// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageJob.h"

#include "CliSettings.h"
#include "ExitCode.h"
#include "ProgressBar.h"
#include "config/Settings.h"
#include "images/ImagePuller.h"

ImageJob::ImageJob(Console &console)
    : m_console(console)
    , m_settings(loadCliSettings(console))
{
}

ImageJob::~ImageJob() = default;

ImageCache ImageJob::cache() const
{
    return ImageCache(m_settings->pathValue(QStringLiteral("container_cache_dir")));
}

QUrl ImageJob::registry() const
{
    return QUrl(m_settings->value(QStringLiteral("IMAGE_BASE_URL")));
}

int ImageJob::run(const std::function<void(ImagePuller &)> &job,
                  const std::function<QString(const ImageMetadata &)> &describe)
{
    ImagePuller puller(cache(), registry());
    puller.setTimeout(int(m_settings->intValue(QStringLiteral("IMAGE_TIMEOUT"))));
    int exitCode = ExitCode::RuntimeFailed;
    ProgressBar bar(m_console.err);
    auto endLine = [&bar] { bar.finish(); };
    QObject::connect(&puller, &ImagePuller::progress, &puller,
                     [&bar](qint64 received, qint64 total, double rate, int eta) { bar.draw(received, total, rate, eta); });
    QObject::connect(&puller, &ImagePuller::status, &puller, [&bar](const QString &message) {
        if (bar.isTerminal())
            bar.message(message);
    });
    runCliEventLoop([&](std::function<void(int)> exit) {
        QObject::connect(&puller, &ImagePuller::succeeded, &puller, [&, exit](const ImageMetadata &image) {
            endLine();
            m_console.out << describe(image) << '\n';
            exitCode = 0;
            exit(0);
        });
        QObject::connect(&puller, &ImagePuller::failed, &puller, [&, exit](const Error &error) {
            endLine();
            m_console.err << "scorpiox-desktop: " << error.message << '\n';
            exit(0);
        });
        job(puller);
    });
    m_console.out.flush();
    m_console.err.flush();
    return exitCode;
}
