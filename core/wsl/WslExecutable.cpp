// SPDX-License-Identifier: GPL-3.0-or-later
#include "WslExecutable.h"

#include "WslOutput.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

WslExecutable::WslExecutable(QString path)
    : m_path(std::move(path))
{
}

Result<QString> WslExecutable::locate()
{
    const QString configured = qEnvironmentVariable("SCORPIOX_WSL_EXE");
    if (!configured.isEmpty()) {
        if (!QFileInfo(configured).isExecutable())
            return Error::notFound(QStringLiteral("SCORPIOX_WSL_EXE=%1 is not an executable file; fix or unset it")
                                       .arg(configured));
        return QFileInfo(configured).absoluteFilePath();
    }
    const QString found = QStandardPaths::findExecutable(QStringLiteral("wsl.exe"));
    if (found.isEmpty())
        return Error::notFound(QStringLiteral("wsl.exe was not found on PATH: run 'wsl --install' in an administrator "
                                              "PowerShell and restart, or point SCORPIOX_WSL_EXE at it"));
    return found;
}

QProcessEnvironment WslExecutable::environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WSL_UTF8"), QStringLiteral("1"));
    return env;
}

Result<WslExecutable::Output> WslExecutable::run(const QStringList &args, int timeoutMs,
                                                 const QProcessEnvironment &extra) const
{
    QProcess process;
    QProcessEnvironment env = environment();
    env.insert(extra);
    process.setProcessEnvironment(env);
#ifdef Q_OS_WIN
    // Without it every management call flashes a console window.
    process.setCreateProcessArgumentsModifier([](QProcess::CreateProcessArguments *arguments) {
        arguments->flags |= CREATE_NO_WINDOW;
    });
#endif
    process.start(m_path, args);
    if (!process.waitForStarted(-1))
        return Error::notFound(QStringLiteral("cannot start %1: %2").arg(m_path, process.errorString()));
    const QString what = QStringLiteral("wsl %1").arg(args.value(0));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(-1);
        return Error::busy(QStringLiteral("%1 did not finish within %2 s; WSL may be stuck: try 'wsl --shutdown'")
                               .arg(what)
                               .arg(timeoutMs / 1000));
    }
    Output output;
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    // Decoded one stream at a time: UTF-16 of stdout and stderr must not be interleaved.
    output.text = WslOutput::decode(process.readAllStandardOutput()) + WslOutput::decode(process.readAllStandardError());
    output.errorCode = WslOutput::errorCode(output.text);
    output.infrastructureFailure = WslOutput::isInfrastructureFailure(output.exitCode, output.text);
    return output;
}
