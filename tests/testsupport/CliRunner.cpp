// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"

#include <QProcess>

CliResult CliRunner::run(const QStringList &args, const QString &workDir, const QByteArray &stdinData, int timeoutMs)
{
    QProcess process;
    process.setProgram(QStringLiteral(SCORPIOX_DESKTOP_BIN));
    process.setArguments(args);
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.start();
    CliResult result;
    if (!process.waitForStarted(timeoutMs))
        return result;
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

CliResult CliRunner::cli(const QStringList &args, const QString &workDir, const QByteArray &stdinData, int timeoutMs)
{
    return run(QStringList{QStringLiteral("--cli")} + args, workDir, stdinData, timeoutMs);
}
