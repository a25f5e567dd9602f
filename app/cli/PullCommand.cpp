// SPDX-License-Identifier: GPL-3.0-or-later
#include "PullCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "ImageJob.h"
#include "ProgressBar.h"
#include "images/ImagePuller.h"

int PullCommand::run(const QStringList &args, Console &console)
{
    const Result<QStringList> words = CliArgs(args).positionals();
    if (!words || words->size() != 1) {
        console.err << "scorpiox-desktop: " << (words ? QStringLiteral("usage: pull NAME") : words.error().message) << '\n';
        return ExitCode::RuntimeFailed;
    }
    ImageJob job(console);
    if (!job.valid())
        return ExitCode::RuntimeFailed;
    return job.run([&](ImagePuller &puller) { puller.pull(words->first()); },
                   [](const ImageMetadata &image) {
                       return QStringLiteral("%1: sha256 %2, %3 files, %4").arg(image.name, image.sha256)
                           .arg(image.entries)
                           .arg(ProgressBar::humanSize(image.diskSize));
                   });
}
