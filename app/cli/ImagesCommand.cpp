// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImagesCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "ImageJob.h"
#include "ProgressBar.h"
#include "Paths.h"
#include "images/RegistryClient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

int ImagesCommand::run(const QStringList &args, Console &console)
{
    CliArgs cli(args);
    const bool remote = cli.takeFlag(QStringLiteral("--remote"));
    const bool json = cli.takeFlag(QStringLiteral("--json"));
    const Result<QStringList> rest = cli.positionals();
    if (!rest || !rest->isEmpty()) {
        console.err << "scorpiox-desktop: " << (rest ? QStringLiteral("usage: images [--remote] [--json]") : rest.error().message)
                    << '\n';
        return ExitCode::RuntimeFailed;
    }
    ImageJob job(console);
    if (!job.valid())
        return ExitCode::RuntimeFailed;
    return remote ? listRemote(job, json, console) : listCached(job, json, console);
}

int ImagesCommand::listCached(ImageJob &job, bool json, Console &console)
{
    const ImageCache cache = job.cache();
    const QList<ImageMetadata> images = cache.list();
    for (const Error &damaged : cache.damagedMetadata())
        console.err << "scorpiox-desktop: " << damaged.message << '\n';
    const bool builtinPending = !cache.contains(QStringLiteral("default"))
                                && QFileInfo(Paths::builtinImage(QStringLiteral("default"))).isFile();
    if (json) {
        QJsonArray array;
        for (const ImageMetadata &image : images) {
            QJsonObject o = QJsonDocument::fromJson(image.toJson()).object();
            o.insert(QStringLiteral("path"), cache.imagePath(image.name));
            array.append(o);
        }
        console.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    console.out << QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(QStringLiteral("NAME"), -20)
                       .arg(QStringLiteral("SIZE"), 9)
                       .arg(QStringLiteral("CREATED"), -16)
                       .arg(QStringLiteral("LAST USED"), -16)
                       .arg(QStringLiteral("SOURCE"));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    for (const ImageMetadata &image : images) {
        console.out << QStringLiteral("%1  %2  %3  %4  %5\n")
                           .arg(image.name, -20)
                           .arg(ProgressBar::humanSize(image.diskSize), 9)
                           .arg(image.created.toLocalTime().toString(format), -16)
                           .arg(image.lastUsed.toLocalTime().toString(format), -16)
                           .arg(image.source);
    }
    if (builtinPending) {
        console.out << QStringLiteral("%1  %2  %3\n").arg(QStringLiteral("default"), -20).arg(QString(), 9)
                           .arg(QStringLiteral("(built in; extracted on first use)"));
    }
    return 0;
}

int ImagesCommand::listRemote(ImageJob &job, bool json, Console &console)
{
    QNetworkAccessManager network;
    RegistryClient registry(&network, job.registry());
    const ImageCache cache = job.cache();
    int exitCode = ExitCode::RuntimeFailed;
    registry.list([&](Result<QList<RegistryEntry>> entries) {
        QCoreApplication::exit(0);
        if (!entries) {
            const QStringList cached = cache.names();
            console.err << "scorpiox-desktop: " << entries.error().message << "; cached images: "
                        << (cached.isEmpty() ? QStringLiteral("none") : cached.join(QStringLiteral(", "))) << '\n';
            return;
        }
        exitCode = 0;
        if (json) {
            QJsonArray array;
            for (const RegistryEntry &e : *entries) {
                array.append(QJsonObject{{QStringLiteral("name"), e.name},
                                         {QStringLiteral("url"), e.url.toString()},
                                         {QStringLiteral("sha256"), e.sha256},
                                         {QStringLiteral("size"), e.size},
                                         {QStringLiteral("description"), e.description},
                                         {QStringLiteral("cached"), cache.contains(e.name)}});
            }
            console.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return;
        }
        console.out << QStringLiteral("%1  %2  %3  %4\n")
                           .arg(QStringLiteral("NAME"), -20)
                           .arg(QStringLiteral("SIZE"), 9)
                           .arg(QStringLiteral("CACHED"), -6)
                           .arg(QStringLiteral("DESCRIPTION"));
        for (const RegistryEntry &e : *entries) {
            console.out << QStringLiteral("%1  %2  %3  %4\n")
                               .arg(e.name, -20)
                               .arg(e.size >= 0 ? ProgressBar::humanSize(e.size) : QStringLiteral("?"), 9)
                               .arg(cache.contains(e.name) ? QStringLiteral("yes") : QStringLiteral("no"), -6)
                               .arg(e.description);
        }
    });
    QCoreApplication::exec();
    return exitCode;
}
