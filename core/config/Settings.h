// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"
#include "Result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

/// The effective settings: built-in defaults < global file < project file < command-line flags.
///
/// Each effective value knows the layer, file and line it came from. Values that fail
/// validation are reported by load() and do not take effect.
class Settings : public QObject
{
    Q_OBJECT

public:
    enum class Origin { Default, Global, Project, CommandLine };

    struct Value
    {
        QString text; ///< normalised value, `~` not yet expanded
        Origin origin = Origin::Default;
        QString file;
        int line = 0;
    };

    /// @p home is `$SCORPIOX_HOME`; @p projectDir holds the project's `scorpiox-env.txt`.
    Settings(QString home, QString projectDir, QObject *parent = nullptr);

    /// (Re)reads both files. Returns every error and warning; the effective values of keys
    /// without errors are updated and changed() is emitted for each that changed.
    QList<Diagnostic> load();

    /// What load() reads from the two files, read without touching any Settings object.
    struct Files
    {
        QHash<QString, Value> global;
        QHash<QString, Value> project;
        QStringList unknown;
        QList<Diagnostic> diagnostics;
    };
    /// Reads both files; thread-safe and blocking, for a worker thread. load() is
    /// apply(read(home(), projectDir())); a GUI reads on a worker and applies on its own thread.
    static Files read(const QString &home, const QString &projectDir);
    /// Takes what read() found, as load() does; returns its errors and warnings.
    QList<Diagnostic> apply(const Files &files);

    /// Sets a command-line value (highest layer) after validating it.
    Result<void> setOverride(const QString &key, const QString &value);

    Value effective(const QString &key) const;
    QString value(const QString &key) const;
    bool boolValue(const QString &key) const;
    qint64 intValue(const QString &key) const;
    /// A list value split on commas; `none` gives an empty list.
    QStringList listValue(const QString &key) const;
    /// A path value with `~` expanded.
    QString pathValue(const QString &key) const;

    /// Keys found in the files that the schema does not know, in file order, global first.
    QStringList unknownKeys() const;

    QString home() const { return m_home; }
    QString projectDir() const { return m_projectDir; }
    QString globalFile() const;
    QString projectFile() const;

    static QString originName(Origin origin);

Q_SIGNALS:
    void changed(const QString &key);

private:
    static QHash<QString, Value> readLayer(const QString &path, Origin origin, Files &files);
    void recompute();

    QString m_home;
    QString m_projectDir;
    QHash<QString, Value> m_global;
    QHash<QString, Value> m_project;
    QHash<QString, Value> m_overrides;
    QHash<QString, Value> m_effective;
    QStringList m_unknown;
};
