// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTemporaryDir>

/// A throw-away `SCORPIOX_HOME` plus a project directory, both removed on destruction.
/// Sets `SCORPIOX_HOME` in this process's environment for its lifetime, so child processes see it too.
class TempHome
{
public:
    TempHome();
    ~TempHome();

    bool isValid() const { return m_root.isValid(); }
    QString home() const;
    QString project() const;
    QString path(const QString &relative) const { return m_root.filePath(relative); }

    /// Writes @p bytes to @p path (created with parents); returns false on failure.
    static bool writeFile(const QString &path, const QByteArray &bytes);
    static QByteArray readFile(const QString &path);

private:
    QTemporaryDir m_root;
    QByteArray m_previousHome;
    bool m_hadHome = false;
};
