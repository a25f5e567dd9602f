// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QProcessEnvironment>
#include <QStringList>

/// One `wsl.exe` on this machine, run for short management commands (import, list, terminate,
/// unregister, a configuration script). Every call gets `WSL_UTF8=1`, its output is decoded
/// whatever encoding it arrives in, and wsl.exe's own failures become errors with their
/// `Wsl/...` code; a command's own exit status is left to the caller.
class WslExecutable
{
public:
    explicit WslExecutable(QString path);

    /// `SCORPIOX_WSL_EXE` when set (on any OS), else `wsl.exe` on PATH; an error says how to get it.
    static Result<QString> locate();

    struct Output
    {
        int exitCode = 0;
        QString text;      ///< stdout then stderr, decoded, `\n` line ends
        QString errorCode; ///< the `Wsl/...` token, empty when none was printed
        bool infrastructureFailure = false; ///< wsl.exe itself failed (not the command it ran)
    };

    /// Runs `wsl.exe ARGS` and waits at most @p timeoutMs (then kills it and fails). @p extra is
    /// added to the environment; it is the only way values reach the distribution (WSLENV).
    /// @p input is the command's standard input (a file copied into the distribution).
    Result<Output> run(const QStringList &args, int timeoutMs, const QProcessEnvironment &extra = {},
                       const QByteArray &input = {}) const;

    /// A one-line, actionable account of the failed call @p what ("wsl --import NAME"), the fix
    /// chosen by wsl.exe's error code (virtualization off, WSL 2 missing, files in use).
    static Error describeFailure(const QString &what, const Output &output);

    /// The environment of every wsl.exe this program starts: ours plus `WSL_UTF8=1`.
    static QProcessEnvironment environment();

    QString path() const { return m_path; }

private:
    QString m_path;
};
