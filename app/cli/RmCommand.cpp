// SPDX-License-Identifier: GPL-3.0-or-later
#include "RmCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "ImageJob.h"

int RmCommand::run(const QStringList &args, Console &console)
{
    const Result<QStringList> words = CliArgs(args).positionals();
    if (!words || words->size() != 1) {
        console.err << "scorpiox-desktop: " << (words ? QStringLiteral("usage: rm NAME") : words.error().message) << '\n';
        return ExitCode::RuntimeFailed;
    }
    ImageJob job(console);
    if (const Result<void> removed = job.cache().remove(words->first()); !removed) {
        console.err << "scorpiox-desktop: " << removed.error().message << '\n';
        return ExitCode::RuntimeFailed;
    }
    console.out << "removed " << words->first() << '\n';
    return 0;
}
