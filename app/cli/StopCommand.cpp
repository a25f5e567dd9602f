// SPDX-License-Identifier: GPL-3.0-or-later
#include "StopCommand.h"

#include "CliArgs.h"
#include "CliSettings.h"
#include "ExitCode.h"
#include "launch/WslLauncher.h"
#include "sessions/OrphanCleaner.h"
#include "sessions/Session.h"
#include "sessions/SessionStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <csignal>

namespace {

/// Waits until @p done holds or @p ms pass.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

int StopCommand::run(const QStringList &args, Console &console)
{
    const Result<QStringList> words = CliArgs(args).positionals();
    if (!words || words->size() != 1) {
        console.err << "scorpiox-desktop: usage: stop ID\n";
        return ExitCode::RuntimeFailed;
    }
    const std::unique_ptr<Settings> settings = loadCliSettings(console);
    if (!settings)
        return ExitCode::RuntimeFailed;
    const QString cacheDir = settings->pathValue(QStringLiteral("container_cache_dir"));
    const SessionStore store(cacheDir);
    const Result<SessionRecord> record = store.find(words->first());
    if (!record) {
        console.err << "scorpiox-desktop: " << record.error().message << '\n';
        return ExitCode::RuntimeFailed;
    }
    const QString path = store.recordPath(record->id);
    auto gone = [&path] { return !QFileInfo::exists(path); };

    if (record->launcher.isAlive()) {
        ::kill(pid_t(record->launcher.pid), SIGTERM);
        if (!waitFor([&] { return !record->launcher.isAlive(); }, Session::kStopGraceMs))
            ::kill(pid_t(record->launcher.pid), SIGKILL);
    }
    // A live owner notices its launcher has ended and removes the record and overlay itself.
    if (record->isOwnerAlive() && waitFor(gone, 10000)) {
        console.out << "stopped " << record->name() << '\n';
        return 0;
    }
    const OrphanCleaner cleaner(cacheDir, WslLauncher::distroControl(cacheDir));
    const Result<QList<Orphan>> orphans = cleaner.scan();
    if (!orphans) {
        console.err << "scorpiox-desktop: " << orphans.error().message << '\n';
        return ExitCode::RuntimeFailed;
    }
    QList<Orphan> mine;
    for (const Orphan &orphan : *orphans) {
        if (orphan.id == record->id)
            mine.append(orphan);
    }
    const OrphanCleaner::Report report = cleaner.remove(mine);
    for (const Error &failure : report.failures)
        console.err << "scorpiox-desktop: " << failure.message << '\n';
    if (!report.failures.isEmpty() || !gone()) {
        console.err << "scorpiox-desktop: " << record->name() << " did not stop; its owner process "
                    << record->owner.pid << " still runs\n";
        return ExitCode::RuntimeFailed;
    }
    console.out << "stopped " << record->name() << '\n';
    return 0;
}
