// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchDir.h"

#include "BusyboxRootfs.h"

#include <QDir>

#include <unistd.h>

QString ScratchDir::create()
{
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
    if (::getuid() == 0)
        return QStringLiteral("run as an ordinary user: root proves nothing about a rootless runtime");
    m_rootfs = m_dir.filePath(QStringLiteral("rootfs"));
    if (const QString error = BusyboxRootfs::create(m_rootfs); !error.isEmpty())
        return error;
    m_project = m_dir.filePath(QStringLiteral("project"));
    if (!QDir().mkpath(m_project))
        return QStringLiteral("cannot create ") + m_project;
    return {};
}

QString ScratchDir::uniqueName(const char *name)
{
    return QLatin1String(name) + QString::number(++m_counter);
}

QString ScratchDir::fresh(const char *name)
{
    return m_dir.filePath(uniqueName(name));
}

QString ScratchDir::makeDir(const char *name)
{
    const QString dir = fresh(name);
    QDir().mkpath(dir);
    return dir;
}
