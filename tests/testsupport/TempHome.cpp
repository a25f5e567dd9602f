// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

TempHome::TempHome()
    : m_root(QDir::tempPath() + QStringLiteral("/scorpiox-test-XXXXXX"))
{
    m_hadHome = qEnvironmentVariableIsSet("SCORPIOX_HOME");
    m_previousHome = qgetenv("SCORPIOX_HOME");
    QDir().mkpath(home());
    QDir().mkpath(project());
    qputenv("SCORPIOX_HOME", home().toUtf8());
}

TempHome::~TempHome()
{
    if (m_hadHome)
        qputenv("SCORPIOX_HOME", m_previousHome);
    else
        qunsetenv("SCORPIOX_HOME");
}

QString TempHome::home() const
{
    return m_root.filePath(QStringLiteral("home"));
}

QString TempHome::project() const
{
    return m_root.filePath(QStringLiteral("project"));
}

bool TempHome::writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray TempHome::readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
