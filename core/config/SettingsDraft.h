// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EnvFile.h"

#include <QHash>
#include <QObject>

/// An edit of one `scorpiox-env.txt` in progress, as a settings editor holds it: values per key
/// or the whole text, each change checked against the schema at once. Saving goes through
/// EnvFile, so comments, blank lines, order and unknown keys survive.
class SettingsDraft : public QObject
{
    Q_OBJECT

public:
    explicit SettingsDraft(QString path, QObject *parent = nullptr);

    QString path() const { return m_path; }

    /// (Re)reads the file, dropping every edit; a missing file is an empty draft.
    Result<void> load();
    /// Takes @p document (EnvFile::load() of this path, read on a worker) as load() would.
    void setLoaded(const EnvFile &document);
    /// Writes the draft atomically under the file's lock; refused while anything is invalid.
    /// Blocks while another process holds the lock: a GUI calls savable(), write() on a worker
    /// thread and markSaved() instead.
    Result<void> save();
    /// Why the draft cannot be saved now (an invalid value or text), or success.
    Result<void> savable() const;
    /// Replaces the file at @p path with @p text under its lock, atomically; @p text is parsed
    /// first so that nothing unreadable is written. Thread-safe, blocking.
    static Result<void> write(const QString &path, const QByteArray &text);
    /// What the file held when last loaded or saved.
    QByteArray savedText() const { return m_savedBytes; }
    /// Records that @p text is now what the file holds (after a write()).
    void markSaved(const QByteArray &text);

    /// The draft differs from what was last loaded or saved.
    bool isModified() const { return text() != m_savedBytes; }
    /// No key holds an invalid value and the text parses.
    bool isValid() const { return m_textError.isEmpty() && m_errors.isEmpty(); }

    /// The value the draft gives @p key (the last line wins), empty when it sets none.
    QString value(const QString &key) const;
    bool contains(const QString &key) const;
    /// Why @p key's value is rejected ("'bridge' is not one of host, isolated, none"), or empty.
    QString error(const QString &key) const { return m_errors.value(key); }
    /// Every rejected key with its reason, for a summary.
    QHash<QString, QString> errors() const { return m_errors; }
    /// Sets @p key in place (or appends it); an empty @p value removes it from the file.
    void setValue(const QString &key, const QString &value);

    /// The whole file as it would be saved.
    QByteArray text() const;
    /// Replaces the whole draft with @p bytes, as a raw-text editor does.
    void setText(const QByteArray &bytes);
    /// Why the text does not parse ("…:3: 'x' has no '='…"), or empty.
    QString textError() const { return m_textError; }

Q_SIGNALS:
    /// Any edit, load or save.
    void changed();

private:
    void revalidate();

    QString m_path;
    EnvFile m_document;
    QByteArray m_savedBytes;
    QByteArray m_unparsedText; ///< raw text that does not parse; kept so nothing typed is lost
    QString m_textError;
    QHash<QString, QString> m_errors;
};
