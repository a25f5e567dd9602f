// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageJob.h"

#include "ExitCode.h"
#include "Paths.h"
#include "config/Settings.h"
#include "images/ImagePuller.h"

#include <QCoreApplication>
#include <QDir>

#include <unistd.h>

ImageJob::ImageJob(Console &console)
    : m_console(console),
      m_settings(std::make_unique<Settings>(Paths::scorpioxHome(), QDir::currentPath())),
      m_terminal(::isatty(STDERR_FILENO) == 1)
{
    for (const Diagnostic &diagnostic : m_settings->load()) {
        if (diagnostic.isError())
            m_console.err << "scorpiox-desktop: " << diagnostic.toString() << '\n';
    }
    m_console.err.flush();
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

QString ImageJob::humanSize(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    static const char *const units[] = {"kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1000 && unit < 3) {
        value /= 1000;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

void ImageJob::drawProgress(qint64 received, qint64 total, double rate, int eta)
{
    if (!m_terminal)
        return;
    constexpr int width = 30;
    QString line;
    if (total > 0) {
        const int filled = int(double(width) * double(received) / double(total));
        line = QLatin1Char('[') + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char(' '))
               + QStringLiteral("] %1% %2/%3").arg(int(100.0 * double(received) / double(total)), 3)
                     .arg(humanSize(received), humanSize(total));
    } else {
        line = humanSize(received);
    }
    if (rate > 0)
        line += QStringLiteral("  %1/s").arg(humanSize(qint64(rate)));
    if (eta >= 0)
        line += QStringLiteral("  ETA %1:%2").arg(eta / 60).arg(eta % 60, 2, 10, QLatin1Char('0'));
    m_console.err << '\r' << line << "\033[K";
    m_console.err.flush();
    m_drewProgress = true;
}

int ImageJob::run(const std::function<void(ImagePuller &)> &job,
                  const std::function<QString(const ImageMetadata &)> &describe)
{
    ImagePuller puller(cache(), registry());
    int exitCode = ExitCode::RuntimeFailed;
    auto endLine = [this] {
        if (m_drewProgress) {
            m_console.err << '\n';
            m_drewProgress = false;
        }
    };
    QObject::connect(&puller, &ImagePuller::progress, &puller,
                     [this](qint64 received, qint64 total, double rate, int eta) { drawProgress(received, total, rate, eta); });
    QObject::connect(&puller, &ImagePuller::status, &puller, [this, endLine](const QString &message) {
        if (!m_terminal)
            return;
        endLine();
        m_console.err << message << '\n';
        m_console.err.flush();
    });
    QObject::connect(&puller, &ImagePuller::succeeded, &puller, [&](const ImageMetadata &image) {
        endLine();
        m_console.out << describe(image) << '\n';
        exitCode = 0;
        QCoreApplication::exit(0);
    });
    QObject::connect(&puller, &ImagePuller::failed, &puller, [&](const Error &error) {
        endLine();
        m_console.err << "scorpiox-desktop: " << error.message << '\n';
        QCoreApplication::exit(0);
    });
    job(puller);
    QCoreApplication::exec();
    m_console.out.flush();
    m_console.err.flush();
    return exitCode;
}
