// SPDX-License-Identifier: GPL-3.0-or-later
#include "CachedImageModel.h"

#include "images/ImageCache.h"
#include "widgets/FormatText.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

CachedImageModel::CachedImageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CachedImageModel::reload()
{
    ++m_pending;
    auto *watcher = new QFutureWatcher<Listing>(this);
    connect(watcher, &QFutureWatcher<Listing>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (--m_pending == 0)
            setRows(watcher->result());
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

void CachedImageModel::setRows(const Listing &listing)
{
    beginResetModel();
    m_rows = listing.rows;
    m_damaged = listing.damaged;
    m_totalBytes = 0;
    for (const Row &row : m_rows)
        m_totalBytes += row.image.diskSize;
    endResetModel();
    Q_EMIT reloaded();
}

int CachedImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CachedImageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CachedImageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Digest)
        return row.image.sha256;
    if (role == Qt::ToolTipRole && index.column() == Source)
        return row.image.source;
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
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

QVariant CachedImageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Size:
        return tr("Size on disk");
    case Source:
        return tr("Source");
    case Digest:
        return tr("Digest");
    case LastUsed:
        return tr("Last used");
    case InUse:
        return tr("Sessions");
    case ColumnCount:
        break;
    }
    return {};
}

QString CachedImageModel::name(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).image.name : QString();
}

bool CachedImageModel::isInUse(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).inUse;
}

int CachedImageModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).image.name == name)
            return int(i);
    }
    return -1;
}
