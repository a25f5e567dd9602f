// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDraft.h"

#include "SettingsSchema.h"

SettingsDraft::SettingsDraft(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    m_document = *EnvFile::parse({}, m_path);
}

Result<void> SettingsDraft::load()
{
    Result<EnvFile> loaded = EnvFile::load(m_path);
    if (!loaded)
        return loaded.error();
    setLoaded(*loaded);
    return {};
}

void SettingsDraft::setLoaded(const EnvFile &document)
{
    m_document = document;
    m_savedBytes = m_document.toBytes();
    m_unparsedText.clear();
    m_textError.clear();
    revalidate();
    Q_EMIT changed();
}

Result<void> SettingsDraft::save()
{
    if (Result<void> ok = savable(); !ok)
        return ok;
    const QByteArray bytes = text();
    if (Result<void> written = write(m_path, bytes); !written)
        return written;
    markSaved(bytes);
    return {};
}

Result<void> SettingsDraft::savable() const
{
    if (!m_textError.isEmpty())
        return Error::invalid(m_textError);
    if (!m_errors.isEmpty()) {
        QStringList keys = m_errors.keys();
        keys.sort();
        return Error::invalid(QStringLiteral("%1: %2").arg(keys.constFirst(), m_errors.value(keys.constFirst())));
    }
    return {};
}

Result<void> SettingsDraft::write(const QString &path, const QByteArray &text)
{
    Result<EnvFile> document = EnvFile::parse(text, path);
    if (!document)
        return document.error();
    return EnvFile::edit(path, [&document](EnvFile &file) -> Result<void> {
        file = *document;
        return {};
    });
}

void SettingsDraft::markSaved(const QByteArray &text)
{
    m_savedBytes = text;
    Q_EMIT changed();
}

QString SettingsDraft::value(const QString &key) const
{
    const std::optional<EnvFile::Entry> entry = m_document.find(key);
    return entry ? entry->value : QString();
}

bool SettingsDraft::contains(const QString &key) const
{
    return m_document.find(key).has_value();
}

void SettingsDraft::setValue(const QString &key, const QString &value)
{
    if (!m_textError.isEmpty())
        return; // the form cannot edit a text that does not parse; the raw text must be fixed first
    if (value.isEmpty()) {
        if (!m_document.unset(key))
            return;
    } else {
        if (this->value(key) == value && contains(key))
            return;
        if (Result<void> set = m_document.set(key, value); !set) {
            m_errors.insert(key, set.error().message);
            Q_EMIT changed();
            return;
        }
    }
    revalidate();
    Q_EMIT changed();
}

QByteArray SettingsDraft::text() const
{
    return m_textError.isEmpty() ? m_document.toBytes() : m_unparsedText;
}

void SettingsDraft::setText(const QByteArray &bytes)
{
    if (bytes == text())
        return;
    Result<EnvFile> parsed = EnvFile::parse(bytes, m_path);
    if (!parsed) {
        m_unparsedText = bytes;
        m_textError = parsed.error().message;
    } else {
        m_document = *parsed;
        m_unparsedText.clear();
        m_textError.clear();
    }
    revalidate();
    Q_EMIT changed();
}

void SettingsDraft::revalidate()
{
    m_errors.clear();
    for (const EnvFile::Entry &entry : m_document.entries()) {
        const SettingsSchema::Key *key = SettingsSchema::find(entry.key);
        if (!key)
            continue; // unknown keys are kept as they are, not judged
        if (const Result<QString> checked = SettingsSchema::validate(*key, entry.value); !checked)
            m_errors.insert(entry.key, QStringLiteral("line %1: %2").arg(entry.line).arg(checked.error().message));
        else
            m_errors.remove(entry.key); // a later line for the same key wins
    }
}
