// SPDX-License-Identifier: GPL-3.0-or-later
#include "PartialDownload.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

PartialDownload::PartialDownload(QString path) : m_path(std::move(path)) { }

std::optional<PartialDownload::State> PartialDownload::state() const
{
    QFile file(statePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    State state;
    state.url = QUrl(json.value(QStringLiteral("url")).toString());
    state.validator = json.value(QStringLiteral("validator")).toString().toLatin1();
    state.total = qint64(json.value(QStringLiteral("total")).toDouble(-1));
    state.expectedSha256 = json.value(QStringLiteral("sha256")).toString();
    if (!state.url.isValid() || state.validator.isEmpty())
        return std::nullopt;
    return state;
}

qint64 PartialDownload::resumableBytes(const QUrl &url, const QString &expectedSha256) const
{
    const std::optional<State> saved = state();
    if (!saved || saved->url != url || saved->expectedSha256 != expectedSha256)
        return 0;
    const QFileInfo data(m_path);
    if (!data.isFile() || data.isSymLink())
        return 0;
    const qint64 size = data.size();
    // A complete file would get "416 Range Not Satisfiable": nothing is left to resume.
    if (saved->total > 0 && size >= saved->total)
        return 0;
    return size;
}

Result<void> PartialDownload::save(const State &state) const
{
    QJsonObject json;
    json.insert(QStringLiteral("url"), state.url.toString());
    json.insert(QStringLiteral("validator"), QString::fromLatin1(state.validator));
    json.insert(QStringLiteral("total"), double(state.total));
    json.insert(QStringLiteral("sha256"), state.expectedSha256);
    QSaveFile file(statePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0
        || !file.commit()) {
        return Error::io(QStringLiteral("cannot write %1: %2").arg(statePath(), file.errorString()));
    }
    return {};
}

void PartialDownload::discard() const
{
    QFile::remove(statePath());
    QFile::remove(m_path);
}

qint64 PartialDownload::removeStale(const QString &dir, int maxAgeDays,
                                    const std::function<bool(const QString &)> &isHeld)
{
    qint64 freed = 0;
    const QDateTime limit = QDateTime::currentDateTimeUtc().addDays(-maxAgeDays);
    const QFileInfoList partials = QDir(dir).entryInfoList({QStringLiteral("*") + suffix()}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &partial : partials) {
        if (partial.lastModified() >= limit)
            continue;
        const QString name = partial.fileName().chopped(suffix().size());
        if (isHeld(name))
            continue;
        freed += partial.size();
        PartialDownload(partial.filePath()).discard();
    }
    // A state whose partial is gone is of no use to anyone.
    const QFileInfoList states = QDir(dir).entryInfoList({QStringLiteral("*") + suffix() + QStringLiteral(".json")},
                                                         QDir::Files | QDir::Hidden);
    for (const QFileInfo &state : states) {
        if (!QFileInfo::exists(state.filePath().chopped(5)) && !isHeld(state.fileName().chopped(suffix().size() + 5)))
            QFile::remove(state.filePath());
    }
    return freed;
}
