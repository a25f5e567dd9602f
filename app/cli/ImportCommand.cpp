// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "ImageJob.h"
#include "ProgressBar.h"
#include "images/ImagePuller.h"

int ImportCommand::run(const QStringList &args, Console &console)
{
    CliArgs cli(args);
    const Result<std::optional<QString>> name = cli.takeValue(QStringLiteral("--name"));
    const Result<QStringList> words = name ? cli.positionals() : Result<QStringList>(name.error());
    if (!words || words->size() != 1 || !name->has_value()) {
        console.err << "scorpiox-desktop: "
                    << (words ? QStringLiteral("usage: import FILE --name NAME") : words.error().message) << '\n';
        return ExitCode::RuntimeFailed;
    }
    ImageJob job(console);
    if (!job.valid())
        return ExitCode::RuntimeFailed;
    return job.run([&](ImagePuller &puller) { puller.importFile(words->first(), **name); },
                   [](const ImageMetadata &image) {
                       QString text = QStringLiteral("%1: imported %2 files, %3, sha256 %4")
                                          .arg(image.name)
                                          .arg(image.entries)
                                          .arg(ProgressBar::humanSize(image.diskSize), image.sha256);
                       if (image.devicesSkipped > 0)
                           text += QStringLiteral(" (%1 device nodes skipped)").arg(image.devicesSkipped);
                       return text;
                   });
}
