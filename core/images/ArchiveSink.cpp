// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveSink.h"

#ifndef Q_OS_WIN
#include "RootfsWriter.h"
#endif

namespace {

class CheckingSink final : public ArchiveSink
{
public:
    Result<void> write(archive *reader, const ArchiveEntry &entry, ExtractReport &report, qint64 maxBytes) override
    {
        if (entry.type != ArchiveEntry::Type::File)
            return {};
        const Result<qint64> read = entry.readData(reader, report, maxBytes, [](const char *, size_t, qint64) {
            return Result<void>();
        });
        if (!read)
            return read.error();
        return {};
    }

    Result<void> finish() override { return {}; }
};

} // namespace

Result<std::unique_ptr<ArchiveSink>> ArchiveSink::tree(const QString &targetDir)
{
#ifdef Q_OS_WIN
    return Error::unsupported(QStringLiteral("cannot extract a Linux rootfs into %1: Windows keeps images as archives "
                                             "only (WSL imports them)")
                                  .arg(targetDir));
#else
    auto writer = std::make_unique<RootfsWriter>();
    if (const Result<void> opened = writer->open(targetDir); !opened)
        return opened.error();
    return std::unique_ptr<ArchiveSink>(std::move(writer));
#endif
}

std::unique_ptr<ArchiveSink> ArchiveSink::checkOnly()
{
    return std::make_unique<CheckingSink>();
}
