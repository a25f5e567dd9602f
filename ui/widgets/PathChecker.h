// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

/// Tells what a path typed into a dialog is — missing, a file, a folder — without touching the
/// disk on the GUI thread: kind() answers from what a worker found last time and sends the worker
/// to look again; answered() fires when an answer is new or has changed.
class PathChecker : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Unknown, Missing, File, Directory, Other };

    using QObject::QObject;

    /// The last answer for @p path (Unknown until the first arrives); asks again either way.
    Kind kind(const QString &path);

Q_SIGNALS:
    void answered();

private:
    QHash<QString, Kind> m_known;
    QSet<QString> m_asking;
};
