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
                                                 const QProcessEnvironment &extra, const QByteArray &input) const
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
    process.write(input);
    process.closeWriteChannel();
    const QString what = QStringLiteral("wsl %1").arg(args.value(0));
    // Only wsl.exe's own failures run into this: a command's output is read when it ends.
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

Error WslExecutable::describeFailure(const QString &what, const Output &output)
{
    const QString code = output.errorCode;
    const QString said = WslOutput::firstLine(output.text);
    if (!output.infrastructureFailure)
        return Error::io(QStringLiteral("%1 failed with exit status %2: %3").arg(what).arg(output.exitCode).arg(said));
    QString fix;
    if (code.contains(QLatin1String("HYPERV")) || code.contains(QLatin1String("VIRTUALIZATION"))
        || code.contains(QLatin1String("CreateVm/HCS")))
        fix = QStringLiteral("enable virtualization in the firmware and the 'Virtual Machine Platform' Windows feature");
    else if (code.contains(QLatin1String("WSL2")) || code.contains(QLatin1String("WSL1")))
        fix = QStringLiteral("WSL 2 is needed: run 'wsl --update' and 'wsl --set-default-version 2'");
    else if (code.contains(QLatin1String("SHARING_VIOLATION")) || code.contains(QLatin1String("ACCESSDENIED")))
        fix = QStringLiteral("the distribution's files are in use: close programs using them and run "
                             "'scorpiox-desktop --cli cleanup'");
    else
        fix = said;
    return Error::io(QStringLiteral("%1 failed (%2): %3").arg(what, code, fix));
}
