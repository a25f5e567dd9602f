// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageServer.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

class ImageServerWorker : public QObject
{
public:
    explicit ImageServerWorker(ImageServer *owner) : m_owner(owner) { }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        });
        return m_server->serverPort();
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const int end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
            respond(socket, buffer->left(end));
        });
    }

    static QByteArray header(const QByteArray &head, const QByteArray &name)
    {
        for (const QByteArray &line : head.split('\n')) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

    void respond(QTcpSocket *socket, const QByteArray &head)
    {
        const QByteArray path = head.split(' ').value(1);
        ImageServer::Route route;
        bool found = false;
        bool autoindex = false;
        {
            QMutexLocker lock(&m_owner->m_mutex);
            m_owner->m_requests[path].append({path, header(head, "range"), header(head, "if-range")});
            if (m_owner->m_routes.contains(path)) {
                found = true;
                route = m_owner->m_routes.value(path);
                if (route.dropAfter >= 0)
                    m_owner->m_routes[path].dropAfter = -1; // only once
            } else if (path == "/" && m_owner->m_autoindex && !m_owner->m_routes.contains("/index.json")) {
                autoindex = true;
                QByteArray html = "<html><head><title>Index of /</title></head><body><h1>Index of /</h1><hr><pre>"
                                  "<a href=\"../\">../</a>\n";
                QList<QByteArray> paths = m_owner->m_routes.keys();
                std::sort(paths.begin(), paths.end());
                for (const QByteArray &routePath : std::as_const(paths)) {
                    const QByteArray name = routePath.mid(1);
                    html += "<a href=\"" + name + "\">" + name + "</a>    01-Jan-2024 00:00    "
                            + QByteArray::number(m_owner->m_routes.value(routePath).body.size()) + "\n";
                }
                html += "</pre><hr></body></html>\n";
                route.body = html;
                route.validators = false;
                found = true;
            }
        }
        if (route.silent)
            return;
        if (!found) {
            send(socket, "404 Not Found", {}, "not found\n", -1, 0);
            return;
        }
        if (route.status >= 300 && route.status < 400) {
            send(socket, QByteArray::number(route.status) + " Moved", "Location: " + route.location + "\r\n", {}, -1, 0);
            return;
        }
        if (route.status != 200) {
            send(socket, QByteArray::number(route.status) + " Failure", {}, "failure\n", -1, 0);
            return;
        }
        const QByteArray etag = '"' + QCryptographicHash::hash(route.body, QCryptographicHash::Sha1).toHex().left(16) + '"';
        const QByteArray lastModified = "Mon, 01 Jan 2024 00:00:00 GMT";
        QByteArray headers;
        if (route.validators && !autoindex)
            headers += "ETag: " + etag + "\r\nLast-Modified: " + lastModified + "\r\nAccept-Ranges: bytes\r\n";
        const QByteArray range = header(head, "range");
        const QByteArray ifRange = header(head, "if-range");
        static const QRegularExpression rangePattern(QStringLiteral("^bytes=(\\d+)-$"));
        const QRegularExpressionMatch match = rangePattern.match(QString::fromLatin1(range));
        const bool validatorMatches = ifRange.isEmpty() || ifRange == etag || ifRange == lastModified;
        if (match.hasMatch() && !route.ignoreRange && route.validators && validatorMatches) {
            const qint64 from = match.captured(1).toLongLong();
            headers += "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(route.body.size() - 1)
                       + '/' + QByteArray::number(route.body.size()) + "\r\n";
            send(socket, "206 Partial Content", headers, route.body.mid(from), route.dropAfter, route.bytesPerSecond,
                 route.stallAfter < 0 ? -1 : std::max<qint64>(0, route.stallAfter - from));
            return;
        }
        send(socket, "200 OK", headers, route.body, route.dropAfter, route.bytesPerSecond, route.stallAfter);
    }

    void send(QTcpSocket *socket, const QByteArray &status, const QByteArray &headers, const QByteArray &body,
              qint64 dropAfter, qint64 bytesPerSecond, qint64 stallAfter = -1)
    {
        socket->write("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size())
                      + "\r\nConnection: close\r\n\r\n");
        if (stallAfter >= 0) {
            socket->write(body.left(stallAfter));
            return; // and never another byte, nor a close
        }
        const QByteArray payload = dropAfter >= 0 ? body.left(dropAfter) : body;
        if (bytesPerSecond <= 0) {
            socket->write(payload);
            socket->disconnectFromHost();
            return;
        }
        // A slow link: a slice every 20 ms.
        const qint64 slice = std::max<qint64>(1, bytesPerSecond / 50);
        auto *timer = new QTimer(socket);
        auto offset = std::make_shared<qint64>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, payload, offset, slice] {
            socket->write(payload.mid(*offset, slice));
            *offset += slice;
            if (*offset >= payload.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(20);
    }

    ImageServer *m_owner;
    QTcpServer *m_server = nullptr;
};

ImageServer::ImageServer()
{
    m_thread.setObjectName(QStringLiteral("image-server"));
    auto *worker = new ImageServerWorker(this);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    m_thread.start();
    QSemaphore ready;
    QMetaObject::invokeMethod(worker, [this, worker, &ready] {
        m_port = worker->listen();
        ready.release();
    });
    ready.acquire();
}

ImageServer::~ImageServer()
{
    QMetaObject::invokeMethod(m_worker, &QObject::deleteLater);
    m_thread.quit();
    m_thread.wait();
}

QUrl ImageServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port));
}

void ImageServer::setRoute(const QByteArray &path, const Route &route)
{
    QMutexLocker lock(&m_mutex);
    m_routes.insert(path, route);
}

ImageServer::Route ImageServer::route(const QByteArray &path) const
{
    QMutexLocker lock(&m_mutex);
    return m_routes.value(path);
}

void ImageServer::setFile(const QByteArray &path, const QByteArray &body)
{
    Route r;
    r.body = body;
    setRoute(path, r);
}

void ImageServer::setSilent(const QByteArray &path)
{
    Route r;
    r.silent = true;
    setRoute(path, r);
}

void ImageServer::remove(const QByteArray &path)
{
    QMutexLocker lock(&m_mutex);
    m_routes.remove(path);
}

void ImageServer::setAutoindex(bool on)
{
    QMutexLocker lock(&m_mutex);
    m_autoindex = on;
}

int ImageServer::requestCount(const QByteArray &path) const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.value(path).size());
}

QList<QByteArray> ImageServer::rangeRequests(const QByteArray &path) const
{
    QMutexLocker lock(&m_mutex);
    QList<QByteArray> result;
    for (const Request &r : m_requests.value(path))
        result.append(r.range + (r.ifRange.isEmpty() ? QByteArray() : " if-range " + r.ifRange));
    return result;
}
