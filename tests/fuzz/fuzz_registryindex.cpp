// SPDX-License-Identifier: GPL-3.0-or-later
// Registry index.json, autoindex pages and .sha256 files: whatever a server sends, only valid
// images in the registry's own directory come out.
#include "FuzzCheck.h"
#include "images/ImageCache.h"
#include "images/RegistryIndex.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

namespace {

bool isLowerHex(const QString &text)
{
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QUrl bases[] = {QUrl(QStringLiteral("http://127.0.0.1:8080/images/")),
                                 QUrl(QStringLiteral("https://dist.scorpiox.net/container-images/")),
                                 QUrl(QStringLiteral("file:///srv/images/"))};
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrl &base = bases[size % 3];

    if (const auto index = RegistryIndex::parseIndexJson(bytes, base); index) {
        for (const RegistryEntry &entry : *index) {
            FUZZ_CHECK(bool(ImageCache::checkName(entry.name)), "index names are valid image names");
            FUZZ_CHECK(entry.url.isValid(), "index files resolve to valid URLs");
            const QString scheme = entry.url.scheme();
            FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("file"),
                       "index files are http, https or file URLs");
            FUZZ_CHECK(entry.sha256.isEmpty() || (entry.sha256.size() == 64 && isLowerHex(entry.sha256)),
                       "an index digest is empty or 64 lower-case hex digits");
        }
    } else {
        FUZZ_CHECK(!index.error().message.isEmpty(), "a refused index says why");
    }

    QSet<QString> names;
    for (const RegistryEntry &entry : RegistryIndex::parseAutoindex(bytes, base)) {
        FUZZ_CHECK(bool(ImageCache::checkName(entry.name)), "listed names are valid image names");
        FUZZ_CHECK(!names.contains(entry.name), "each listed name appears once");
        names.insert(entry.name);
        FUZZ_CHECK(entry.url.scheme() == base.scheme() && entry.url.host() == base.host()
                       && entry.url.port() == base.port(),
                   "listed archives stay on the registry's server");
        const QString path = entry.url.path();
        FUZZ_CHECK(path.startsWith(base.path()) && !path.mid(base.path().size()).contains(QLatin1Char('/')),
                   "listed archives stay in the registry's directory");
        FUZZ_CHECK(!entry.url.hasQuery() && !entry.url.hasFragment(), "listed archives carry no query");
        FUZZ_CHECK(RegistryIndex::imageNameForFile(path.section(QLatin1Char('/'), -1)) == entry.name,
                   "a listed name is its file name without the extension");
    }

    if (const auto digest = RegistryIndex::parseSha256File(bytes); digest)
        FUZZ_CHECK(digest->size() == 64 && isLowerHex(*digest), "a digest file yields 64 lower-case hex digits");
    return 0;
}
