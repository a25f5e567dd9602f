// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamespaceProvisionRunner.h"

#include "ExitCode.h"
#include "launch/NamespaceLauncher.h"

#include <QElapsedTimer>
#include <QProcess>

#include <linux/close_range.h>
#include <unistd.h>

NamespaceProvisionRunner::NamespaceProvisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled, QString helperPath,
                                                   ProvisionLineHandler onLine)
    : m_cancelled(std::move(cancelled)), m_helperPath(std::move(helperPath)), m_onLine(std::move(onLine))
{
}

Result<ProvisionRun> NamespaceProvisionRunner::operator()(const LaunchSpec &spec) const
{
    LaunchSpec keeping = spec;
    keeping.keepUpperDir = true;
    const Result<LaunchCommand> command = NamespaceLauncher(m_helperPath).command(keeping);
    if (!command)
        return command.error();

    QProcess process;
    process.setProgram(command->program);
    process.setArguments(command->arguments);
    process.setProcessEnvironment(processEnvironment(command->environment));
    if (!command->workingDirectory.isEmpty())
        process.setWorkingDirectory(command->workingDirectory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    // Qt 6.4 does not close inherited descriptors; the package manager gets only 0-2.
    process.setChildProcessModifier([] { ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); });
    QElapsedTimer clock;
    clock.start();
    process.start();
    if (!process.waitForStarted(-1))
        return Error::notFound(QStringLiteral("cannot start %1: %2").arg(command->program, process.errorString()));
    process.closeWriteChannel(); // a package manager that asks anything gets end-of-file, not a hang

    ProvisionRun run;
    auto take = [&](bool all) {
        while (process.canReadLine() || (all && process.bytesAvailable() > 0)) {
            const QByteArray line = process.readLine();
            run.output += line;
            if (m_onLine)
                m_onLine(QString::fromUtf8(line).chopped(line.endsWith('\n') ? 1 : 0));
        }
        if (run.output.size() > 2 * kKeptOutput)
            run.output = run.output.right(kKeptOutput);
    };
    const qint64 killAtMs = spec.timeoutSec > 0 ? qint64(spec.timeoutSec) * 1000 + kLauncherGraceMs : -1;
    bool stopped = false;
    bool killed = false;
    while (!process.waitForFinished(kCancelPollMs)) {
        take(false);
        if (process.state() == QProcess::NotRunning)
            break;
        if (!stopped && m_cancelled && m_cancelled->load()) {
            stopped = true;
            process.terminate(); // the launcher forwards it and kills after its grace period
        }
        if (!killed && killAtMs >= 0 && clock.elapsed() >= killAtMs) {
            killed = true;
            process.kill();
        }
    }
    take(true);
    if (run.output.size() > kKeptOutput)
        run.output = run.output.right(kKeptOutput);
    if (stopped)
        return Error::busy(QStringLiteral("the package install was stopped"));
    run.timedOut = killed
                   || (spec.timeoutSec > 0 && process.exitStatus() == QProcess::NormalExit
                       && process.exitCode() == ExitCode::TimedOut && clock.elapsed() >= qint64(spec.timeoutSec) * 1000);
    if (run.timedOut)
        return run;
    if (process.exitStatus() != QProcess::NormalExit)
        return Error::io(QStringLiteral("%1 crashed while installing packages: %2")
                             .arg(command->program, QString::fromLocal8Bit(run.output).trimmed()));
    run.exitCode = process.exitCode();
    return run;
}
