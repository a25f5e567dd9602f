// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "images/ImageMetadata.h"

#include <QAbstractTableModel>

/// The images in the cache (name, size on disk, source, digest, last used, in use), read off the
/// GUI thread by reload().
class CachedImageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Size, Source, Digest, LastUsed, InUse, ColumnCount };

    explicit CachedImageModel(QObject *parent = nullptr);

    void setCacheDir(const QString &cacheDir) { m_cacheDir = cacheDir; }
    QString cacheDir() const { return m_cacheDir; }
    /// Reads the cache again; reloaded() when the rows show it.
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString name(int row) const;
    bool isInUse(int row) const;
    int rowOf(const QString &name) const;
    /// Bytes of every cached image together.
    qint64 totalBytes() const { return m_totalBytes; }
    /// One message per image whose metadata file is damaged (its row shows what the disk tells).
    QStringList damagedMetadata() const { return m_damaged; }

    struct Row
    {
        ImageMetadata image;
        bool inUse = false;
    };
    struct Listing
    {
        QList<Row> rows;
        QStringList damaged;
    };

Q_SIGNALS:
    void reloaded();

private:
    void setRows(const Listing &listing);

    QString m_cacheDir;
    QList<Row> m_rows;
    QStringList m_damaged;
    qint64 m_totalBytes = 0;
    int m_pending = 0; ///< reloads under way; only the last one's answer is shown
};
