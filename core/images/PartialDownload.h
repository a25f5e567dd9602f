// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QUrl>

#include <functional>
#include <optional>

/// A download that outlives its process: the bytes received so far in `<path>` and, beside it
/// in `<path>.json` (replaced atomically), what a later process needs to resume it with
/// `Range` + `If-Range`: the URL, the server's validator (ETag or Last-Modified), the expected
/// size and digest. A resume is only tried when all of these still match.
class PartialDownload
{
public:
    struct State
    {
        QUrl url;
        QByteArray validator;
        qint64 total = -1;      ///< the whole file's size, -1 when the server did not say
        QString expectedSha256; ///< what the registry promised, may be empty
    };

    static constexpr int kStaleDays = 7;

    explicit PartialDownload(QString path);

    QString path() const { return m_path; }
    QString statePath() const { return m_path + QStringLiteral(".json"); }

    /// The bytes a download of @p url with @p expectedSha256 may resume from: the partial file's
    /// size when its state matches and it holds something short of the whole; 0 otherwise.
    qint64 resumableBytes(const QUrl &url, const QString &expectedSha256) const;
    /// The saved state, or nothing when there is none or it is unreadable.
    std::optional<State> state() const;
    Result<void> save(const State &state) const;
    /// Deletes the partial file and its state.
    void discard() const;

    /// Deletes the partials (and their states) in @p dir whose last write is older than
    /// @p maxAgeDays and that no running pull holds (@p isHeld gets the image name).
    /// Returns the bytes freed.
    static qint64 removeStale(const QString &dir, int maxAgeDays, const std::function<bool(const QString &)> &isHeld);

    /// The suffix of a partial's file name, after the image name.
    static QString suffix() { return QStringLiteral(".download"); }

private:
    QString m_path;
};
