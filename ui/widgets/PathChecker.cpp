// SPDX-License-Identifier: GPL-3.0-or-later
#include "PathChecker.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

PathChecker::Kind look(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return PathChecker::Kind::Missing;
    if (info.isDir())
        return PathChecker::Kind::Directory;
    return info.isFile() ? PathChecker::Kind::File : PathChecker::Kind::Other;
}

} // namespace

PathChecker::Kind PathChecker::kind(const QString &path)
{
    if (!path.isEmpty() && !m_asking.contains(path)) {
        m_asking.insert(path);
        auto *watcher = new QFutureWatcher<Kind>(this);
        connect(watcher, &QFutureWatcher<Kind>::finished, this, [this, watcher, path] {
            const Kind found = watcher->result();
            watcher->deleteLater();
            m_asking.remove(path);
            const auto known = m_known.constFind(path);
            if (known != m_known.cend() && *known == found)
                return;
            m_known.insert(path, found);
            Q_EMIT answered();
        });
        watcher->setFuture(QtConcurrent::run(&look, path));
    }
    return m_known.value(path, Kind::Unknown);
}
