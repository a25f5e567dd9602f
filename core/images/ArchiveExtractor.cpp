// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveExtractor.h"

#include "ArchiveSink.h"
#include "ArchiveStream.h"
#include "Sha256.h"

#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace {

constexpr qint64 kFileBlock = 1 << 20;

} // namespace

/// Where libarchive's read callback gets its bytes: a file (optionally hashed) or a stream.
struct ArchiveExtractor::Source
{
    QFile *file = nullptr;
    Sha256 *hash = nullptr;
    QByteArray buffer;
    ArchiveStream *stream = nullptr;
    bool aborted = false;
    QString readError;

    la_ssize_t read(const void **data)
    {
        if (stream) {
            const qint64 n = stream->read(data);
            aborted = n < 0;
            return la_ssize_t(n);
        }
        const qint64 n = file->read(buffer.data(), buffer.size());
        if (n < 0) {
            readError = file->errorString();
            return -1;
        }
        if (hash)
            hash->addData(QByteArrayView(buffer.constData(), n));
        *data = buffer.constData();
        return la_ssize_t(n);
    }
};

Result<ExtractReport> ArchiveExtractor::extractFile(const QString &archivePath, const QString &targetDir,
                                                    QByteArray *sha256) const
{
    const Result<std::unique_ptr<ArchiveSink>> tree = ArchiveSink::tree(targetDir);
    if (!tree)
        return tree.error();
    return readFile(archivePath, **tree, sha256);
}

Result<ExtractReport> ArchiveExtractor::checkFile(const QString &archivePath, QByteArray *sha256) const
{
    return readFile(archivePath, *ArchiveSink::checkOnly(), sha256);
}

Result<ExtractReport> ArchiveExtractor::extractStream(ArchiveStream &stream, const QString &targetDir) const
{
    const Result<std::unique_ptr<ArchiveSink>> tree = ArchiveSink::tree(targetDir);
    if (!tree) {
        stream.close();
        return tree.error();
    }
    return readStream(stream, **tree);
}

Result<ExtractReport> ArchiveExtractor::checkStream(ArchiveStream &stream) const
{
    return readStream(stream, *ArchiveSink::checkOnly());
}

Result<ExtractReport> ArchiveExtractor::readFile(const QString &archivePath, ArchiveSink &sink, QByteArray *sha256) const
{
    // Unbuffered: every read goes straight to the system in kFileBlock pieces.
    QFile file(archivePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return Error{QFileInfo::exists(archivePath) ? Error::Kind::Io : Error::Kind::NotFound,
                     QStringLiteral("cannot open %1: %2").arg(archivePath, file.errorString())};
    }
    Source source;
    source.file = &file;
    source.buffer.resize(kFileBlock);
    std::unique_ptr<Sha256> hash;
    if (sha256) {
        hash = std::make_unique<Sha256>();
        source.hash = hash.get();
    }
    Result<ExtractReport> result = read(source, archivePath, sink);
    if (result && sha256) {
        // Whatever follows the end-of-archive marker is part of the file and of its digest.
        const void *ignored = nullptr;
        while (source.read(&ignored) > 0) { }
        *sha256 = hash->hexResult();
    }
    return result;
}

Result<ExtractReport> ArchiveExtractor::readStream(ArchiveStream &stream, ArchiveSink &sink) const
{
    Source source;
    source.stream = &stream;
    Result<ExtractReport> result = read(source, QStringLiteral("the downloaded archive"), sink);
    stream.close();
    return result;
}

Result<ExtractReport> ArchiveExtractor::read(Source &source, const QString &sourceName, ArchiveSink &sink) const
{
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
        if (!source.readError.isEmpty())
            return Error::io(QStringLiteral("cannot read %1: %2").arg(sourceName, source.readError));
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
        archive_entry *header = nullptr;
        const int r = archive_read_next_header(reader.get(), &header);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN)
            return failure(report.entries == 0 ? "unrecognised" : "damaged");
        if (++report.entries > m_limits.maxEntries) {
            return Error::invalid(QStringLiteral("%1 has more than %2 entries, the limit; refusing it")
                                      .arg(sourceName)
                                      .arg(m_limits.maxEntries));
        }
        const Result<ArchiveEntry> entry = ArchiveEntry::read(header, m_limits.maxPathLength);
        if (!entry)
            return Error{entry.error().kind, sourceName + QStringLiteral(": ") + entry.error().message};
        if (entry->type == ArchiveEntry::Type::Device) {
            ++report.devicesSkipped;
            continue;
        }
        if (entry->type == ArchiveEntry::Type::Socket) {
            ++report.socketsSkipped;
            continue;
        }
        if (const Result<void> taken = sink.write(reader.get(), *entry, report, m_limits.maxBytes); !taken) {
            if (source.aborted)
                return failure("cancelled");
            return Error{taken.error().kind, sourceName + QStringLiteral(": ") + taken.error().message};
        }
    }
    if (report.entries == 0)
        return Error::invalid(QStringLiteral("%1 is an empty archive").arg(sourceName));
    if (const Result<void> finished = sink.finish(); !finished)
        return finished.error();
    return report;
}
