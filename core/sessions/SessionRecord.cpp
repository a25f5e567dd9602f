// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

QJsonObject identityToJson(const ProcessIdentity &identity)
{
    return {{QStringLiteral("pid"), identity.pid},
            {QStringLiteral("start_time"), QString::number(identity.startTime)}};
}

ProcessIdentity identityFromJson(const QJsonObject &object)
{
    return {object.value(QStringLiteral("pid")).toInteger(),
            object.value(QStringLiteral("start_time")).toString().toULongLong()};
}

/// The first field whose JSON type is not the one toJson() writes, as "field 'owner' is not an object".
QString mistypedField(const QJsonObject &o)
{
    static const std::pair<const char *, QJsonValue::Type> kFields[] = {
        {"id", QJsonValue::String},        {"backend", QJsonValue::String},    {"image", QJsonValue::String},
        {"network", QJsonValue::String},   {"owner", QJsonValue::Object},      {"launcher", QJsonValue::Object},
        {"container_pid", QJsonValue::Double}, {"overlay", QJsonValue::String}, {"distro", QJsonValue::String},
        {"project", QJsonValue::String},   {"command", QJsonValue::Array},     {"created", QJsonValue::String},
    };
    for (const auto &[key, type] : kFields) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (!value.isUndefined() && value.type() != type)
            return QStringLiteral("field '%1' is not %2")
                .arg(QLatin1String(key), type == QJsonValue::String ? QStringLiteral("a string")
                                         : type == QJsonValue::Object ? QStringLiteral("an object")
                                         : type == QJsonValue::Array  ? QStringLiteral("an array")
                                                                      : QStringLiteral("a number"));
    }
    if (!o.value(QStringLiteral("owner")).toObject().value(QStringLiteral("pid")).isDouble())
        return QStringLiteral("it names no owner process");
    return {};
}

} // namespace

bool SessionRecord::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{6}$"));
    return pattern.match(id).hasMatch();
}

QJsonObject SessionRecord::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name()},
        {QStringLiteral("backend"), backend},
        {QStringLiteral("image"), image},
        {QStringLiteral("network"), network},
        {QStringLiteral("owner"), identityToJson(owner)},
        {QStringLiteral("launcher"), identityToJson(launcher)},
        {QStringLiteral("container_pid"), containerPid},
        {QStringLiteral("overlay"), overlayDir},
        {QStringLiteral("distro"), distro},
        {QStringLiteral("project"), projectDir},
        {QStringLiteral("command"), QJsonArray::fromStringList(command)},
        {QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs)},
    };
}

Result<SessionRecord> SessionRecord::fromJson(const QByteArray &bytes, const QString &path)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject())
        return Error::invalid(QStringLiteral("%1: not a session record (%2); 'cleanup' removes it")
                                  .arg(path, parseError.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                                          : parseError.errorString()));
    const QJsonObject o = doc.object();
    if (const QString wrong = mistypedField(o); !wrong.isEmpty())
        return Error::invalid(QStringLiteral("%1: not a session record (%2); 'cleanup' removes it").arg(path, wrong));
    SessionRecord r;
    r.id = o.value(QStringLiteral("id")).toString();
    if (!isValidId(r.id))
        return Error::invalid(QStringLiteral("%1: session record has no valid id; 'cleanup' removes it").arg(path));
    r.backend = o.value(QStringLiteral("backend")).toString();
    r.image = o.value(QStringLiteral("image")).toString();
    r.network = o.value(QStringLiteral("network")).toString();
    r.owner = identityFromJson(o.value(QStringLiteral("owner")).toObject());
    r.launcher = identityFromJson(o.value(QStringLiteral("launcher")).toObject());
    r.containerPid = o.value(QStringLiteral("container_pid")).toInteger();
    r.overlayDir = o.value(QStringLiteral("overlay")).toString();
    r.distro = o.value(QStringLiteral("distro")).toString();
    r.projectDir = o.value(QStringLiteral("project")).toString();
    for (const QJsonValue &word : o.value(QStringLiteral("command")).toArray())
        r.command.append(word.toString());
    r.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    return r;
}
