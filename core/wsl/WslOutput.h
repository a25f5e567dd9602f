// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// Reading what wsl.exe prints. Depending on its version and on WSL_UTF8, wsl.exe writes UTF-16LE
/// (with or without a BOM) or UTF-8, with CRLF line ends, and localised prose: failures are
/// recognised by their `Wsl/...` error-code token and the exit status, never by English text.
namespace WslOutput {

struct Distro
{
    QString name;
    QString state; ///< as printed ("Running", "Stopped", or localised)
    int version = 0;
    bool isDefault = false;
};

/// Decodes wsl.exe output to text with `\n` line ends.
QString decode(const QByteArray &bytes);
/// The first line that is not blank, trimmed; "no output" when there is none.
QString firstLine(const QString &text);
/// Names from `wsl --list --quiet` (older versions mark the default with `*`).
QStringList parseQuietList(const QByteArray &bytes);
/// Rows from `wsl --list --verbose`; the first line is a (localised) header.
QList<Distro> parseVerboseList(const QByteArray &bytes);
/// The last `Wsl/...` error-code token in the text, e.g. `Wsl/Service/RegisterDistro/ERROR_ALREADY_EXISTS`.
QString errorCode(const QString &text);
/// wsl.exe reports its own failure (not the command's) as exit 4294967295 (-1) with a `Wsl/` code;
/// 255 (its low byte) counts too.
bool isInfrastructureFailure(int exitCode, const QString &text);

} // namespace WslOutput
