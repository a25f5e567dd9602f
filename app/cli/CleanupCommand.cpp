// SPDX-License-Identifier: GPL-3.0-or-later
#include "CleanupCommand.h"

#include "CliArgs.h"
#include "CliSettings.h"
#include "ExitCode.h"
#include "ProgressBar.h"
#include "images/ImageCache.h"
#include "launch/WslLauncher.h"
#include "sessions/OrphanCleaner.h"

int CleanupCommand::run(const QStringList &args, Console &console)
{
    CliArgs cli(args);
    const bool dryRun = cli.takeFlag(QStringLiteral("--dry-run"));
    const Result<QStringList> rest = cli.positionals();
    if (!rest || !rest->isEmpty()) {
        console.err << "scorpiox-desktop: usage: cleanup [--dry-run]\n";
        return ExitCode::RuntimeFailed;
    }
    const std::unique_ptr<Settings> settings = loadCliSettings(console);
    if (!settings)
        return ExitCode::RuntimeFailed;
    const QString cacheDir = settings->pathValue(QStringLiteral("container_cache_dir"));
    const OrphanCleaner cleaner(cacheDir, WslLauncher::distroControl(cacheDir));
    const Result<QList<Orphan>> orphans = cleaner.scan();
    if (!orphans) {
        console.err << "scorpiox-desktop: " << orphans.error().message << '\n';
        return ExitCode::RuntimeFailed;
    }
    // Broken image metadata is not an orphan: the image is intact and may be in use, so cleanup
    // names the repair instead of deleting the image.
    for (const Error &damaged : ImageCache(cacheDir).damagedMetadata())
        console.err << "scorpiox-desktop: " << damaged.message << '\n';
    if (orphans->isEmpty()) {
        console.out << "nothing to clean up\n";
        return 0;
    }
    qint64 total = 0;
    for (const Orphan &orphan : *orphans) {
        console.out << QStringLiteral("%1  %2  %3  %4  (%5)\n")
                           .arg(Orphan::kindName(orphan.kind), -7)
                           .arg(orphan.id.isEmpty() ? QStringLiteral("-") : orphan.id, -6)
                           .arg(ProgressBar::humanSize(orphan.bytes), 9)
                           .arg(orphan.path, orphan.reason);
        total += orphan.bytes;
    }
    if (dryRun) {
        console.out << orphans->size() << " item(s), " << ProgressBar::humanSize(total)
                    << "; run 'cleanup' without --dry-run to remove them\n";
        return 0;
    }
    const OrphanCleaner::Report report = cleaner.remove(*orphans);
    for (const Error &failure : report.failures)
        console.err << "scorpiox-desktop: " << failure.message << '\n';
    console.out << "removed " << report.removed.size() << " item(s), freed " << ProgressBar::humanSize(report.bytesFreed)
                << '\n';
    return report.failures.isEmpty() ? 0 : ExitCode::RuntimeFailed;
}
