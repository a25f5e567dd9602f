// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageMetadata.h"

#include <QFileInfo>
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
    // A broken file costs only what it records: the rootfs beside it is intact, so say how to
    // start over rather than refuse the image.
    const QString name = QFileInfo(path).completeBaseName();
    const auto broken = [&](const QString &what) {
        return Error::invalid(QStringLiteral("%1: not valid image metadata (%2); 'rm %3' removes the image, then pull "
                                             "or import it again")
                                  .arg(path, what, name));
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return broken(error.error == QJsonParseError::NoError ? QStringLiteral("not an object") : error.errorString());
    for (const char *key : {"name", "source", "sha256", "archive", "created", "lastUsed"}) {
        const QJsonValue value = document.object().value(QLatin1String(key));
        if (!value.isUndefined() && !value.isString())
            return broken(QStringLiteral("field '%1' is not a string").arg(QLatin1String(key)));
    }
    for (const char *key : {"archiveSize", "diskSize", "entries", "devicesSkipped"}) {
        const QJsonValue value = document.object().value(QLatin1String(key));
        if (!value.isUndefined() && !value.isDouble())
            return broken(QStringLiteral("field '%1' is not a number").arg(QLatin1String(key)));
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
