// SPDX-License-Identifier: GPL-3.0-or-later
#include "CachedImageModel.h"

#include "images/ImageCache.h"
#include "widgets/FormatText.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

CachedImageModel::CachedImageModel(QObject *parent)
    : ImageTableModel({tr("Name"), tr("Size on disk"), tr("Source"), tr("Digest"), tr("Last used"), tr("Sessions")}, parent)
{
}

void CachedImageModel::reload()
{
    ++m_pending;
    auto *watcher = new QFutureWatcher<Listing>(this);
    connect(watcher, &QFutureWatcher<Listing>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (--m_pending == 0)
            show(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([cacheDir = m_cacheDir] {
        const ImageCache cache(cacheDir);
        Listing listing;
        for (const ImageMetadata &image : cache.list())
            listing.rows.append({image, cache.isInUse(image.name)});
        for (const Error &damaged : cache.damagedMetadata())
            listing.damaged.append(damaged.message);
        return listing;
    }));
}

void CachedImageModel::show(const Listing &listing)
{
    m_damaged = listing.damaged;
    m_totalBytes = 0;
    for (const CachedImageRow &row : listing.rows)
        m_totalBytes += row.image.diskSize;
    setRows(listing.rows);
    Q_EMIT reloaded();
}

QVariant CachedImageModel::cell(const CachedImageRow &row, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Digest)
        return row.image.sha256;
    if (role == Qt::ToolTipRole && column == Source)
        return row.image.source;
    if (role == Qt::TextAlignmentRole && column == Size)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Name:
        return row.image.name;
    case Size:
        return FormatText::bytes(row.image.diskSize);
    case Source:
        return row.image.source;
    case Digest:
        return row.image.sha256.left(12);
    case LastUsed:
        return row.image.lastUsed.isValid() ? QLocale().toString(row.image.lastUsed.toLocalTime(), QLocale::ShortFormat)
                                            : tr("never");
    case InUse:
        return row.inUse ? tr("in use") : QString();
    case ColumnCount:
        break;
    }
    return {};
}

bool CachedImageModel::isInUse(int row) const
{
    return row >= 0 && row < rows().size() && rows().at(row).inUse;
}
