// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamespaceProvisionRunner.h"

#include "launch/NamespaceLauncher.h"

#include <QProcess>

#include <linux/close_range.h>
#include <unistd.h>

NamespaceProvisionRunner::NamespaceProvisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled, QString helperPath)
    : m_cancelled(std::move(cancelled)), m_helperPath(std::move(helperPath))
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
    process.start();
    if (!process.waitForStarted(-1))
        return Error::notFound(QStringLiteral("cannot start %1: %2").arg(command->program, process.errorString()));
    process.closeWriteChannel(); // a package manager that asks anything gets end-of-file, not a hang

    bool stopped = false;
    while (!process.waitForFinished(kCancelPollMs)) {
        if (process.state() == QProcess::NotRunning)
            break;
        if (!stopped && m_cancelled && m_cancelled->load()) {
            stopped = true;
            process.terminate(); // the launcher forwards it and kills after its grace period
        }
    }
    ProvisionRun run;
    run.output = process.readAll();
    if (stopped)
        return Error::busy(QStringLiteral("the package install was stopped"));
    if (process.exitStatus() != QProcess::NormalExit)
        return Error::io(QStringLiteral("%1 crashed while installing packages: %2")
                             .arg(command->program, QString::fromLocal8Bit(run.output).trimmed()));
    run.exitCode = process.exitCode();
    return run;
}
