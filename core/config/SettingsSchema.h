// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

/// The one table of settings keys: name, type, default, accepted values and description.
namespace SettingsSchema {

enum class Type {
    Bool,     ///< true/false (also yes/no, on/off, 1/0)
    Integer,  ///< a whole number within [minimum, maximum]
    Enum,     ///< one of `choices`
    Name,     ///< an image name: letters, digits, '.', '_' and '-'
    Path,     ///< a path; `~` is expanded
    PathList, ///< comma-separated absolute paths; `~` is expanded
    RelativePathList, ///< comma-separated paths inside the project, or `none`
    PackageList,      ///< comma-separated package names, or `none`
    Url,      ///< http, https or file URL
    Text,     ///< free text on one line
};

struct Key
{
    QString name;
    Type type;
    QString defaultValue; ///< may start with `$SCORPIOX_HOME`, substituted by Settings
    QStringList choices;  ///< for Enum
    qint64 minimum = 0;   ///< for Integer
    qint64 maximum = 0;
    QString unit;         ///< shown by editors: "seconds", "MiB"
    QString description;
};

const QList<Key> &keys();
/// nullptr for an unknown key.
const Key *find(const QString &name);
/// A known key that differs from @p name only in case, for "did you mean" hints.
const Key *findIgnoringCase(const QString &name);

/// Checks @p value against @p key and returns it normalised (`yes` becomes `true`, numbers lose
/// leading zeros, lists lose blanks); the error says which values are accepted.
Result<QString> validate(const Key &key, const QString &value);

/// Splits a comma-separated list, trimming items and dropping empty ones.
QStringList splitList(const QString &value);

} // namespace SettingsSchema
