// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

/// A problem found in a settings file, located precisely enough for a user to fix it.
struct Diagnostic
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString file; ///< empty for command-line values
    int line = 0; ///< 1-based; 0 when not tied to a line
    QString key;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    /// "error: /p/scorpiox-env.txt:3: container_network: 'bridge' is not ..."
    QString toString() const;
};

bool hasErrors(const QList<Diagnostic> &diagnostics);
