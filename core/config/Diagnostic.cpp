// SPDX-License-Identifier: GPL-3.0-or-later
#include "Diagnostic.h"

#include <algorithm>

QString Diagnostic::toString() const
{
    QString text = isError() ? QStringLiteral("error: ") : QStringLiteral("warning: ");
    // A message about the whole file (it cannot be read) names it already.
    if (!file.isEmpty() && !(line == 0 && message.contains(file))) {
        text += file;
        if (line > 0)
            text += QLatin1Char(':') + QString::number(line);
        text += QStringLiteral(": ");
    }
    if (!key.isEmpty())
        text += key + QStringLiteral(": ");
    return text + message;
}

bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) { return d.isError(); });
}
