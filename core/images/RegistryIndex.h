// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QList>
#include <QString>
#include <QUrl>

/// One image a registry offers.
struct RegistryEntry
{
    QString name;
    QUrl url;             ///< the archive
    QString sha256;       ///< lower-case hex, empty when the index gives none
    qint64 size = -1;     ///< -1 when unknown
    QString description;
};

/// Reading what a registry serves: `index.json`, an nginx/Apache autoindex page, a `.sha256`
/// file. Pure functions of their input, so they can be fuzzed.
namespace RegistryIndex {

/// `{"images":[{"name":…,"file":…,"sha256":…,"size":…,"description":…}]}`; files are resolved
/// against @p base. Entries with a bad name, file or digest are errors naming the entry.
Result<QList<RegistryEntry>> parseIndexJson(const QByteArray &json, const QUrl &base);

/// The `*.tar`, `*.tar.gz`, `*.tgz`, `*.tar.xz` and `*.tar.zst` links of an HTML listing in
/// @p base, each named after its file without the extension. Links leaving @p base are ignored.
QList<RegistryEntry> parseAutoindex(const QByteArray &html, const QUrl &base);

/// The image name for an archive file name (`alpine.tar.gz` → `alpine`), empty if it is none.
QString imageNameForFile(const QString &fileName);

/// The digest in a `sha256sum`-style file (`<hex>  <file>` or just `<hex>`).
Result<QString> parseSha256File(const QByteArray &text);

bool isSha256(const QString &hex);

} // namespace RegistryIndex
