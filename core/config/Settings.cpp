// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

#include "EnvFile.h"
#include "Paths.h"
#include "SettingsSchema.h"

Settings::Settings(QString home, QString projectDir, QObject *parent)
    : QObject(parent)
    , m_home(std::move(home))
    , m_projectDir(std::move(projectDir))
{
    recompute();
}

QString Settings::globalFile() const
{
    return Paths::globalEnvFile(m_home);
}

QString Settings::projectFile() const
{
    return Paths::projectEnvFile(m_projectDir);
}

QString Settings::originName(Origin origin)
{
    switch (origin) {
    case Origin::Default:
        return QStringLiteral("default");
    case Origin::Global:
        return QStringLiteral("global");
    case Origin::Project:
        return QStringLiteral("project");
    case Origin::CommandLine:
        return QStringLiteral("command line");
    }
    return {};
}

QHash<QString, Settings::Value> Settings::readLayer(const QString &path, Origin origin, Files &files)
{
    QList<Diagnostic> &diagnostics = files.diagnostics;
    QHash<QString, Value> layer;
    const Result<EnvFile> file = EnvFile::load(path);
    if (!file) {
        diagnostics.append({Diagnostic::Severity::Error, path, 0, {}, file.error().message});
        return layer;
    }
    QHash<QString, int> firstLine;
    for (const EnvFile::Entry &entry : file->entries()) {
        if (const auto seen = firstLine.constFind(entry.key); seen != firstLine.cend()) {
            diagnostics.append({Diagnostic::Severity::Warning, path, entry.line, entry.key,
                                QStringLiteral("repeats line %1; the last one wins").arg(*seen)});
        } else {
            firstLine.insert(entry.key, entry.line);
        }
        const SettingsSchema::Key *key = SettingsSchema::find(entry.key);
        if (!key) {
            const SettingsSchema::Key *similar = SettingsSchema::findIgnoringCase(entry.key);
            diagnostics.append({Diagnostic::Severity::Warning, path, entry.line, entry.key,
                                similar ? QStringLiteral("unknown key (did you mean %1?); kept as is").arg(similar->name)
                                     : QStringLiteral("unknown key; kept as is")});
            if (!files.unknown.contains(entry.key))
                files.unknown.append(entry.key);
            continue;
        }
        const Result<QString> valid = SettingsSchema::validate(*key, entry.value);
        if (!valid) {
            diagnostics.append({Diagnostic::Severity::Error, path, entry.line, entry.key, valid.error().message});
            layer.remove(entry.key);
            continue;
        }
        layer.insert(entry.key, {*valid, origin, path, entry.line});
    }
    return layer;
}

QList<Diagnostic> Settings::load()
{
    return apply(read(m_home, m_projectDir));
}

Settings::Files Settings::read(const QString &home, const QString &projectDir)
{
    Files files;
    files.global = readLayer(Paths::globalEnvFile(home), Origin::Global, files);
    files.project = readLayer(Paths::projectEnvFile(projectDir), Origin::Project, files);
    return files;
}

QList<Diagnostic> Settings::apply(const Files &files)
{
    m_unknown = files.unknown;
    m_global = files.global;
    m_project = files.project;
    recompute();
    return files.diagnostics;
}

Result<void> Settings::setOverride(const QString &key, const QString &value)
{
    const SettingsSchema::Key *schemaKey = SettingsSchema::find(key);
    if (!schemaKey)
        return Error::invalid(QStringLiteral("unknown setting '%1'").arg(key));
    const Result<QString> valid = SettingsSchema::validate(*schemaKey, value);
    if (!valid)
        return Error::invalid(key + QStringLiteral(": ") + valid.error().message);
    m_overrides.insert(key, {*valid, Origin::CommandLine, {}, 0});
    recompute();
    return {};
}

void Settings::recompute()
{
    QStringList changedKeys;
    for (const SettingsSchema::Key &key : SettingsSchema::keys()) {
        Value value{key.defaultValue, Origin::Default, {}, 0};
        if (value.text.startsWith(QLatin1String("$SCORPIOX_HOME")))
            value.text.replace(0, int(qstrlen("$SCORPIOX_HOME")), m_home);
        for (const QHash<QString, Value> *layer : {&m_global, &m_project, &m_overrides}) {
            if (const auto it = layer->constFind(key.name); it != layer->cend())
                value = *it;
        }
        const auto old = m_effective.constFind(key.name);
        if (old == m_effective.cend() || old->text != value.text)
            changedKeys.append(key.name);
        m_effective.insert(key.name, value);
    }
    for (const QString &key : changedKeys)
        Q_EMIT changed(key);
}

Settings::Value Settings::effective(const QString &key) const
{
    return m_effective.value(key);
}

QString Settings::value(const QString &key) const
{
    return m_effective.value(key).text;
}

bool Settings::boolValue(const QString &key) const
{
    return value(key) == QLatin1String("true");
}

qint64 Settings::intValue(const QString &key) const
{
    return value(key).toLongLong();
}

QStringList Settings::listValue(const QString &key) const
{
    const QString text = value(key);
    if (text == QLatin1String("none"))
        return {};
    return SettingsSchema::splitList(text);
}

QString Settings::pathValue(const QString &key) const
{
    return Paths::expandTilde(value(key));
}

QStringList Settings::unknownKeys() const
{
    return m_unknown;
}
