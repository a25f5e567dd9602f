// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveExtractor.h"

#include "ArchiveStream.h"
#include "Sha256.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace {

constexpr qint64 kFileBlock = 1 << 20;

} // namespace

/// Where libarchive's read callback gets its bytes: a file (optionally hashed) or a stream.
struct ArchiveExtractor::Source
{
    int fd = -1;
    Sha256 *hash = nullptr;
    QByteArray buffer;
    ArchiveStream *stream = nullptr;
    bool aborted = false;
    int readErrno = 0;

    la_ssize_t read(const void **data)
    {
        if (stream) {
            const qint64 n = stream->read(data);
            aborted = n < 0;
            return la_ssize_t(n);
        }
        for (;;) {
            const ssize_t n = ::read(fd, buffer.data(), size_t(buffer.size()));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                readErrno = errno;
                return -1;
            }
            if (hash)
                hash->addData(QByteArrayView(buffer.constData(), n));
            *data = buffer.constData();
            return n;
        }
    }
};

Result<ExtractReport> ArchiveExtractor::extractFile(const QString &archivePath, const QString &targetDir,
                                                    QByteArray *sha256) const
{
    Source source;
    source.fd = ::open(QFile::encodeName(archivePath).constData(), O_RDONLY | O_CLOEXEC);
    if (source.fd < 0) {
        return Error{errno == ENOENT ? Error::Kind::NotFound : Error::Kind::Io,
                     QStringLiteral("cannot open %1: %2").arg(archivePath, QString::fromLocal8Bit(std::strerror(errno)))};
    }
    source.buffer.resize(kFileBlock);
    std::unique_ptr<Sha256> hash;
    if (sha256) {
        hash = std::make_unique<Sha256>();
        source.hash = hash.get();
    }
    Result<ExtractReport> result = extract(source, archivePath, targetDir);
    if (result && sha256) {
        // Whatever follows the end-of-archive marker is part of the file and of its digest.
        const void *ignored = nullptr;
        while (source.read(&ignored) > 0) { }
        *sha256 = hash->hexResult();
    }
    ::close(source.fd);
    return result;
}

Result<ExtractReport> ArchiveExtractor::extractStream(ArchiveStream &stream, const QString &targetDir) const
{
    Source source;
    source.stream = &stream;
    Result<ExtractReport> result = extract(source, QStringLiteral("the downloaded archive"), targetDir);
    stream.close();
    return result;
}

Result<ExtractReport> ArchiveExtractor::extract(Source &source, const QString &sourceName,
                                                const QString &targetDir) const
{
    RootfsWriter writer;
    if (const Result<void> opened = writer.open(targetDir, m_limits.maxPathLength); !opened)
        return opened.error();

    std::unique_ptr<archive, decltype(&archive_read_free)> reader(archive_read_new(), &archive_read_free);
    archive_read_support_format_tar(reader.get());
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_filter_xz(reader.get());
    archive_read_support_filter_zstd(reader.get());
    const auto readCallback = [](archive *, void *client, const void **data) -> la_ssize_t {
        return static_cast<Source *>(client)->read(data);
    };
    auto failure = [&](const char *what) -> Error {
        if (source.aborted)
            return Error::io(QStringLiteral("extraction of %1 was cancelled").arg(sourceName));
        if (source.readErrno != 0) {
            return Error::io(QStringLiteral("cannot read %1: %2")
                                 .arg(sourceName, QString::fromLocal8Bit(std::strerror(source.readErrno))));
        }
        const char *reason = archive_error_string(reader.get());
        return Error::invalid(QStringLiteral("%1 is not a usable image archive (%2: %3); expected a .tar, "
                                             ".tar.gz, .tar.xz or .tar.zst rootfs")
                                  .arg(sourceName, QLatin1String(what),
                                       reason ? QString::fromUtf8(reason) : QStringLiteral("unknown error")));
    };
    if (archive_read_open(reader.get(), &source, nullptr, readCallback, nullptr) != ARCHIVE_OK)
        return failure("cannot open");

    ExtractReport report;
    for (;;) {
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(reader.get(), &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN)
            return failure(report.entries == 0 ? "unrecognised" : "damaged");
        if (++report.entries > m_limits.maxEntries) {
            return Error::invalid(QStringLiteral("%1 has more than %2 entries, the limit; refusing it")
                                      .arg(sourceName)
                                      .arg(m_limits.maxEntries));
        }
        if (const Result<void> written = writer.write(reader.get(), entry, report, m_limits.maxBytes); !written) {
            if (source.aborted)
                return failure("cancelled");
            return Error{written.error().kind, sourceName + QStringLiteral(": ") + written.error().message};
        }
    }
    if (report.entries == 0)
        return Error::invalid(QStringLiteral("%1 is an empty archive").arg(sourceName));
    if (const Result<void> finished = writer.finish(); !finished)
        return finished.error();
    return report;
}
