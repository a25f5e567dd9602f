// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTemporaryDir>

/// The fixture of the launcher suites: a throw-away directory in the temp dir (/tmp), owned by
/// the ordinary user the suite runs as, holding a busybox rootfs and an empty project directory,
/// and handing out fresh paths for overlays, info files and further rootfs.
class ScratchDir
{
public:
    /// Refuses root (a rootless runtime proves nothing when tested as root), then builds rootfs/
    /// and project/; returns an error text or "". Call once, from initTestCase().
    QString create();

    QString rootfs() const { return m_rootfs; }
    QString project() const { return m_project; }
    QString filePath(const QString &relative) const { return m_dir.filePath(relative); }

    /// @p name and a number no earlier call (of this or fresh()) handed out.
    QString uniqueName(const char *name);
    /// A path that does not exist yet: uniqueName(@p name) in this directory.
    QString fresh(const char *name);
    /// fresh(@p name), created as a directory.
    QString makeDir(const char *name);

private:
    QTemporaryDir m_dir;
    QString m_rootfs;
    QString m_project;
    int m_counter = 0;
};
