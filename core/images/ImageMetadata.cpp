// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageMetadata.h"

#include <QJsonDocument>
#include <QJsonObject>

QByteArray ImageMetadata::toJson() const
{
    const QJsonObject object{
        {QStringLiteral("name"), name},
        {QStringLiteral("source"), source},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("archive"), archive},
        {QStringLiteral("archiveSize"), archiveSize},
        {QStringLiteral("diskSize"), diskSize},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("devicesSkipped"), devicesSkipped},
        {QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("lastUsed"), lastUsed.toUTC().toString(Qt::ISODateWithMs)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<ImageMetadata> ImageMetadata::fromJson(const QByteArray &json, const QString &path)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject()) {
        return Error::invalid(QStringLiteral("%1 is not valid image metadata (%2); delete it and pull the image again")
                                  .arg(path, error.errorString()));
    }
    const QJsonObject o = document.object();
    ImageMetadata m;
    m.name = o.value(QStringLiteral("name")).toString();
    m.source = o.value(QStringLiteral("source")).toString();
    m.sha256 = o.value(QStringLiteral("sha256")).toString();
    m.archive = o.value(QStringLiteral("archive")).toString();
    m.archiveSize = o.value(QStringLiteral("archiveSize")).toInteger();
    m.diskSize = o.value(QStringLiteral("diskSize")).toInteger();
    m.entries = o.value(QStringLiteral("entries")).toInteger();
    m.devicesSkipped = o.value(QStringLiteral("devicesSkipped")).toInteger();
    m.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    m.lastUsed = QDateTime::fromString(o.value(QStringLiteral("lastUsed")).toString(), Qt::ISODateWithMs);
    return m;
}
