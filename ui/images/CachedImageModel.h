// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImageTableModel.h"
#include "images/ImageMetadata.h"

struct CachedImageRow
{
    ImageMetadata image;
    bool inUse = false;
};

/// The images in the cache (name, size on disk, source, digest, last used, in use), read off the
/// GUI thread by reload().
class CachedImageModel : public ImageTableModel<CachedImageRow>
{
    Q_OBJECT

public:
    enum Column { Name, Size, Source, Digest, LastUsed, InUse, ColumnCount };

    explicit CachedImageModel(QObject *parent = nullptr);

    void setCacheDir(const QString &cacheDir) { m_cacheDir = cacheDir; }
    QString cacheDir() const { return m_cacheDir; }
    /// Reads the cache again; reloaded() when the rows show it.
    void reload();

    bool isInUse(int row) const;
    /// Bytes of every cached image together.
    qint64 totalBytes() const { return m_totalBytes; }
    /// One message per image whose metadata file is damaged (its row shows what the disk tells).
    QStringList damagedMetadata() const { return m_damaged; }

    struct Listing
    {
        QList<CachedImageRow> rows;
        QStringList damaged;
    };

Q_SIGNALS:
    void reloaded();

protected:
    QString nameOf(const CachedImageRow &row) const override { return row.image.name; }
    QVariant cell(const CachedImageRow &row, int column, int role) const override;

private:
    void show(const Listing &listing);

    QString m_cacheDir;
    QStringList m_damaged;
    qint64 m_totalBytes = 0;
    int m_pending = 0; ///< reloads under way; only the last one's answer is shown
};
