// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

/// One `scorpiox-env.txt` file as a document that round-trips byte for byte.
///
/// Every line keeps its original bytes and line ending; only lines touched by set() or unset()
/// are rewritten, so comments, blank lines, key order, unknown keys, CRLF and a UTF-8 BOM survive.
class EnvFile
{
public:
    struct Entry
    {
        int line = 0; ///< 1-based line number in the file
        QString key;
        QString value; ///< trimmed, surrounding double quotes removed
    };

    EnvFile() = default;

    /// Parses file contents; @p path is only used in error messages.
    static Result<EnvFile> parse(const QByteArray &bytes, const QString &path);
    /// Reads @p path; a file that does not exist yields an empty document.
    static Result<EnvFile> load(const QString &path);
    /// Locks @p path against other processes, loads it, applies @p change and saves atomically.
    /// Nothing is written when @p change fails or changes nothing.
    static Result<void> edit(const QString &path, const std::function<Result<void>(EnvFile &)> &change);

    QString path() const { return m_path; }
    QByteArray toBytes() const;
    /// Writes atomically (temporary file + rename), keeping the file's permissions.
    Result<void> save() const;

    QList<Entry> entries() const;
    /// The last entry for @p key: when a key repeats, the last one wins.
    std::optional<Entry> find(const QString &key) const;

    /// Changes the last occurrence of @p key in place, or appends it.
    Result<void> set(const QString &key, const QString &value);
    /// Removes every occurrence of @p key; false when there was none.
    bool unset(const QString &key);

    static bool isValidKey(const QString &key);

private:
    struct Line
    {
        QByteArray text; ///< without its line ending
        QByteArray eol;  ///< "\n", "\r\n" or empty for a last line without one
        QString key;     ///< empty for comments and blank lines
        QString value;
        bool quoted = false; ///< the value was written in double quotes; set() keeps them
    };

    QByteArray newlineStyle() const;
    static QByteArray formatValue(const QString &value, bool quote);

    QString m_path;
    bool m_bom = false;
    QList<Line> m_lines;
};
