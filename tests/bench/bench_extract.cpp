// SPDX-License-Identifier: GPL-3.0-or-later
// The image cache's extraction, timed, for tests/bench/bench_extract.sh.
//   bench_extract extract ARCHIVE TARGET_DIR      extract a file (TARGET_DIR is created)
//   bench_extract pull REGISTRY_URL NAME CACHE_DIR a streamed pull through ImagePuller
//   bench_extract import ARCHIVE NAME CACHE_DIR    the same cache steps without the network
// Prints the elapsed seconds on stdout.
#include "images/ArchiveExtractor.h"
#include "images/ImagePuller.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QElapsedTimer clock;
    if (args.size() == 3 && args.at(0) == QLatin1String("extract")) {
        if (!QDir().mkpath(args.at(2))) {
            err << "cannot create " << args.at(2) << '\n';
            return 1;
        }
        clock.start();
        const Result<ExtractReport> report = ArchiveExtractor().extractFile(args.at(1), args.at(2));
        if (!report) {
            err << report.error().message << '\n';
            return 1;
        }
        out << double(clock.nsecsElapsed()) / 1e9 << '\n';
        return 0;
    }
    const bool pull = args.size() == 4 && args.at(0) == QLatin1String("pull");
    if (pull || (args.size() == 4 && args.at(0) == QLatin1String("import"))) {
        ImagePuller puller(ImageCache(args.at(3)), QUrl(pull ? args.at(1) : QString()));
        int code = 1;
        QObject::connect(&puller, &ImagePuller::succeeded, &app, [&] {
            out << double(clock.nsecsElapsed()) / 1e9 << '\n';
            code = 0;
            app.quit();
        });
        QObject::connect(&puller, &ImagePuller::failed, &app, [&](const Error &error) {
            err << error.message << '\n';
            app.quit();
        });
        clock.start();
        if (pull)
            puller.pull(args.at(2));
        else
            puller.importFile(args.at(1), args.at(2));
        app.exec();
        return code;
    }
    err << "usage: bench_extract extract ARCHIVE DIR | pull REGISTRY_URL NAME CACHE_DIR | import ARCHIVE NAME CACHE_DIR\n";
    return 2;
}
