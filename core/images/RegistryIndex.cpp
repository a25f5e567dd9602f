// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegistryIndex.h"

#include "ImageCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace RegistryIndex {

namespace {

const char *const kSuffixes[] = {".tar.gz", ".tgz", ".tar.xz", ".tar.zst", ".tar"};

bool isArchiveUrl(const QUrl &url)
{
    static const QStringList schemes = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("file")};
    return url.isValid() && schemes.contains(url.scheme());
}

} // namespace

bool isSha256(const QString &hex)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-fA-F]{64}$"));
    return pattern.match(hex).hasMatch();
}

QString imageNameForFile(const QString &fileName)
{
    for (const char *suffix : kSuffixes) {
        const QLatin1String s(suffix);
        if (fileName.size() > s.size() && fileName.endsWith(s)) {
            const QString name = fileName.chopped(s.size());
            return ImageCache::checkName(name) ? name : QString();
        }
    }
    return {};
}

Result<QList<RegistryEntry>> parseIndexJson(const QByteArray &json, const QUrl &base)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    const QString where = base.resolved(QUrl(QStringLiteral("index.json"))).toString();
    if (error.error != QJsonParseError::NoError)
        return Error::network(QStringLiteral("%1 is not valid JSON: %2 at offset %3").arg(where, error.errorString()).arg(error.offset));
    const QJsonValue images = document.object().value(QStringLiteral("images"));
    if (!images.isArray())
        return Error::network(QStringLiteral("%1 has no \"images\" list").arg(where));
    QList<RegistryEntry> entries;
    const QJsonArray array = images.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        RegistryEntry entry;
        entry.name = o.value(QStringLiteral("name")).toString();
        const QString file = o.value(QStringLiteral("file")).toString();
        entry.sha256 = o.value(QStringLiteral("sha256")).toString().toLower();
        entry.size = o.value(QStringLiteral("size")).toInteger(-1);
        entry.description = o.value(QStringLiteral("description")).toString();
        const QString label = QStringLiteral("%1: image #%2").arg(where).arg(i + 1);
        if (!ImageCache::checkName(entry.name))
            return Error::network(label + QStringLiteral(" has no valid \"name\""));
        entry.url = base.resolved(QUrl(file));
        if (file.isEmpty() || !isArchiveUrl(entry.url))
            return Error::network(label + QStringLiteral(" ('%1') has no valid \"file\"").arg(entry.name));
        if (!entry.sha256.isEmpty() && !isSha256(entry.sha256))
            return Error::network(label + QStringLiteral(" ('%1') has a \"sha256\" that is not 64 hex digits").arg(entry.name));
        entries.append(entry);
    }
    return entries;
}

QList<RegistryEntry> parseAutoindex(const QByteArray &html, const QUrl &base)
{
    static const QRegularExpression href(QStringLiteral("<a\\s[^>]*href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"),
                                         QRegularExpression::CaseInsensitiveOption);
    QList<RegistryEntry> entries;
    QSet<QString> seen;
    auto it = href.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString link = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        const QUrl relative(link);
        // Only files in this very directory: no query strings, no other hosts, no sub-paths.
        if (link.isEmpty() || relative.hasQuery() || relative.hasFragment())
            continue;
        const QUrl url = base.resolved(relative);
        const QString path = url.path();
        const QString fileName = path.section(QLatin1Char('/'), -1);
        if (url.scheme() != base.scheme() || url.host() != base.host() || url.port() != base.port()
            || path != base.path() + fileName)
            continue;
        const QString name = imageNameForFile(fileName);
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen.insert(name);
        RegistryEntry entry;
        entry.name = name;
        entry.url = url;
        entries.append(entry);
    }
    return entries;
}

Result<QString> parseSha256File(const QByteArray &text)
{
    const QString first = QString::fromLatin1(text.trimmed()).section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);
    if (!isSha256(first))
        return Error::network(QStringLiteral("the .sha256 file does not start with a SHA-256 digest"));
    return first.toLower();
}

} // namespace RegistryIndex
