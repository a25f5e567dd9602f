// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsSchema.h"

#include "Paths.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace SettingsSchema {

const QList<Key> &keys()
{
    static const QList<Key> table = {
        {QStringLiteral("container_enabled"), Type::Bool, QStringLiteral("true"), {}, 0, 0, {},
         QStringLiteral("false runs the agent on the host, unisolated")},
        {QStringLiteral("container_image"), Type::Name, QStringLiteral("default"), {}, 0, 0, {},
         QStringLiteral("image name in the cache or registry")},
        {QStringLiteral("container_network"), Type::Enum, QStringLiteral("host"),
         {QStringLiteral("host"), QStringLiteral("isolated"), QStringLiteral("none")}, 0, 0, {},
         QStringLiteral("host shares the host network; isolated has loopback only; none has no network")},
        {QStringLiteral("container_mount_ro"), Type::PathList, QString(), {}, 0, 0, {},
         QStringLiteral("comma-separated host paths mounted read-only at the same path")},
        {QStringLiteral("container_cache_dir"), Type::Path, QStringLiteral("$SCORPIOX_HOME/containers"), {}, 0, 0, {},
         QStringLiteral("where images, archives, overlays and session records live")},
        {QStringLiteral("container_timeout"), Type::Integer, QStringLiteral("3600"), {}, 0, 31536000,
         QStringLiteral("seconds"), QStringLiteral("seconds before the session is killed (0 = never)")},
        {QStringLiteral("container_memory_mb"), Type::Integer, QStringLiteral("4096"), {}, 0, 16777216,
         QStringLiteral("MiB"), QStringLiteral("memory limit through a delegated cgroup v2 (0 = none)")},
        {QStringLiteral("IMAGE_BASE_URL"), Type::Url, QStringLiteral("https://dist.scorpiox.net/container-images/"),
         {}, 0, 0, {}, QStringLiteral("registry base URL (http, https or file)")},
        {QStringLiteral("CONTAINER_PACKAGES"), Type::PackageList, QStringLiteral("git,cmake,gcc,make,curl,samurai"),
         {}, 0, 0, {}, QStringLiteral("packages installed on an image's first boot; none disables")},
        {QStringLiteral("CONTAINER_PACKAGES_TIMEOUT"), Type::Integer, QStringLiteral("900"), {}, 1, 86400,
         QStringLiteral("seconds"), QStringLiteral("seconds the first-boot package install may take before it is stopped")},
        {QStringLiteral("IMAGE_TIMEOUT"), Type::Integer, QStringLiteral("30"), {}, 1, 3600, QStringLiteral("seconds"),
         QStringLiteral("seconds the image registry may stay silent before a pull, the image list or doctor gives up")},
        {QStringLiteral("TMUX_WSL_EXTRA_ARGS"), Type::Text, QString(), {}, 0, 0, {},
         QStringLiteral("extra launcher arguments when started from tmux")},
        {QStringLiteral("TMUX_WSL_VOLUME_MOUNT"), Type::Text, QString(), {}, 0, 0, {},
         QStringLiteral("volume spec for WSL sessions started from tmux")},
        {QStringLiteral("container_protect_paths"), Type::RelativePathList, QStringLiteral(".git/hooks,.git/config"),
         {}, 0, 0, {}, QStringLiteral("project paths bound read-only over themselves; none disables")},
        {QStringLiteral("agent_command"), Type::Text, QStringLiteral("scorpiox-code --provider anthropic"), {}, 0, 0,
         {}, QStringLiteral("what a session runs when no command is given")},
    };
    return table;
}

const Key *find(const QString &name)
{
    for (const Key &key : keys()) {
        if (key.name == name)
            return &key;
    }
    return nullptr;
}

const Key *findIgnoringCase(const QString &name)
{
    for (const Key &key : keys()) {
        if (key.name.compare(name, Qt::CaseInsensitive) == 0)
            return &key;
    }
    return nullptr;
}

QStringList splitList(const QString &value)
{
    QStringList items;
    for (const QString &item : value.split(QLatin1Char(','))) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items.append(trimmed);
    }
    return items;
}

namespace {

Error rejected(const QString &value, const QString &why)
{
    return Error::invalid(QStringLiteral("'%1' %2").arg(value, why));
}

Result<QString> validateList(const QString &value, const QRegularExpression &item,
                             const QString &itemWhy)
{
    if (value.trimmed() == QLatin1String("none"))
        return QStringLiteral("none");
    const QStringList items = splitList(value);
    for (const QString &entry : items) {
        if (!item.match(entry).hasMatch())
            return rejected(entry, itemWhy);
    }
    return items.join(QLatin1Char(','));
}

} // namespace

Result<QString> validate(const Key &key, const QString &value)
{
    const QString v = value.trimmed();
    switch (key.type) {
    case Type::Bool: {
        static const QStringList yes = {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                        QStringLiteral("1")};
        static const QStringList no = {QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                       QStringLiteral("0")};
        if (yes.contains(v, Qt::CaseInsensitive))
            return QStringLiteral("true");
        if (no.contains(v, Qt::CaseInsensitive))
            return QStringLiteral("false");
        return rejected(v, QStringLiteral("is not a boolean; accepted: true, false (or yes/no, on/off, 1/0)"));
    }
    case Type::Integer: {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
        const QString range = QStringLiteral("accepted: a whole number from %1 to %2%3")
                                  .arg(key.minimum)
                                  .arg(key.maximum)
                                  .arg(key.unit.isEmpty() ? QString() : QLatin1Char(' ') + key.unit);
        if (!digits.match(v).hasMatch())
            return rejected(v, QStringLiteral("is not a whole number; ") + range);
        const qint64 n = v.toLongLong();
        if (n < key.minimum || n > key.maximum)
            return rejected(v, QStringLiteral("is out of range; ") + range);
        return QString::number(n);
    }
    case Type::Enum:
        if (key.choices.contains(v))
            return v;
        return rejected(v, QStringLiteral("is not accepted; accepted: ") + key.choices.join(QStringLiteral(", ")));
    case Type::Name: {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
        if (name.match(v).hasMatch())
            return v;
        return rejected(v,
                        QStringLiteral("is not an image name; use letters, digits, '.', '_' and '-' (no '/')"));
    }
    case Type::Path:
        if (v.isEmpty())
            return rejected(v, QStringLiteral("is empty; accepted: a directory path"));
        return v;
    case Type::PathList: {
        const QStringList items = splitList(v);
        for (const QString &item : items) {
            if (!QDir::isAbsolutePath(Paths::expandTilde(item)))
                return rejected(item, QStringLiteral("is not an absolute path; accepted: /absolute/path or ~/path, comma-separated"));
        }
        return items.join(QLatin1Char(','));
    }
    case Type::RelativePathList: {
        static const QRegularExpression relative(QStringLiteral("^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$"));
        return validateList(v, relative,
                            QStringLiteral("is not a path inside the project; accepted: relative paths without '..', "
                                           "comma-separated, or none"));
    }
    case Type::PackageList: {
        static const QRegularExpression package(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9+._:-]*$"));
        return validateList(v, package,
                            QStringLiteral("is not a package name; accepted: comma-separated package names, or none"));
    }
    case Type::Url: {
        const QUrl url(v, QUrl::StrictMode);
        static const QStringList schemes = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("file")};
        if (!url.isValid() || !schemes.contains(url.scheme()))
            return rejected(v, QStringLiteral("is not a registry URL; accepted: http://, https:// or file:// URLs"));
        return v;
    }
    case Type::Text:
        return v;
    }
    return v;
}

} // namespace SettingsSchema
