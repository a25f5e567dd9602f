// SPDX-License-Identifier: GPL-3.0-or-later
#include "CleanCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "ImageJob.h"
#include "ProgressBar.h"

int CleanCommand::run(const QStringList &args, Console &console)
{
    const Result<QStringList> words = CliArgs(args).positionals();
    if (!words || !words->isEmpty()) {
        console.err << "scorpiox-desktop: " << (words ? QStringLiteral("usage: clean") : words.error().message) << '\n';
        return ExitCode::RuntimeFailed;
    }
    ImageJob job(console);
    if (!job.valid())
        return ExitCode::RuntimeFailed;
    const Result<ImageCache::CleanReport> report = job.cache().clean();
    if (!report) {
        console.err << "scorpiox-desktop: " << report.error().message << '\n';
        return ExitCode::RuntimeFailed;
    }
    for (const QString &skipped : report->skipped)
        console.err << "kept " << skipped << '\n';
    console.out << QStringLiteral("removed %1 image(s)%2, %3 archive(s), %4 layer(s); freed %5\n")
                       .arg(report->removed.size())
                       .arg(report->removed.isEmpty() ? QString() : QStringLiteral(" (") + report->removed.join(QStringLiteral(", ")) + QLatin1Char(')'))
                       .arg(report->archivesRemoved)
                       .arg(report->layersRemoved)
                       .arg(ProgressBar::humanSize(report->bytesFreed));
    return 0;
}
