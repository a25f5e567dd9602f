// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QThread>
#include <QUrl>

#include <memory>

class QTcpServer;

/// A real HTTP/1.1 server on 127.0.0.1 for tests, on its own thread (so a test may block on a
/// child process while it serves). Serves files with ETag/Last-Modified and byte ranges, an
/// autoindex page for "/", and faults on demand: dropped connections, status codes, redirects,
/// a server that ignores ranges, a slow link, a server that stalls.
class ImageServer
{
public:
    struct Route
    {
        QByteArray body;
        int status = 200;
        QByteArray location;     ///< for 3xx
        qint64 dropAfter = -1;   ///< close the connection after this many body bytes, once
        bool ignoreRange = false;///< answer 200 with the whole body even to a Range request
        bool validators = true;  ///< send ETag and Last-Modified
        qint64 bytesPerSecond = 0; ///< 0: as fast as possible
        /// A stalled server: after this byte of the body (counted from the file's start, so a
        /// range beyond it gets the headers only) it sends nothing more and keeps the connection open.
        qint64 stallAfter = -1;
        bool silent = false;     ///< accept the request, then send nothing at all
    };

    ImageServer();
    ~ImageServer();

    QUrl baseUrl() const;
    /// Serves @p body at @p path ("/alpine.tar.gz").
    void setRoute(const QByteArray &path, const Route &route);
    Route route(const QByteArray &path) const;
    void setFile(const QByteArray &path, const QByteArray &body);
    /// @p path accepts requests and never answers them.
    void setSilent(const QByteArray &path);
    void remove(const QByteArray &path);
    /// Without an "/index.json" route, "/" answers with an nginx-style listing of the routes.
    void setAutoindex(bool on);

    int requestCount(const QByteArray &path) const;
    /// The Range and If-Range headers of every request for @p path, in order ("" when absent).
    QList<QByteArray> rangeRequests(const QByteArray &path) const;

private:
    friend class ImageServerWorker;
    struct Request
    {
        QByteArray path;
        QByteArray range;
        QByteArray ifRange;
    };

    mutable QMutex m_mutex;
    QHash<QByteArray, Route> m_routes;
    QHash<QByteArray, QList<Request>> m_requests;
    bool m_autoindex = false;
    quint16 m_port = 0;
    QThread m_thread;
    QObject *m_worker = nullptr;
};
