// SPDX-License-Identifier: GPL-3.0-or-later
// `-v HOST:CONT[:ro]` in Linux and Windows spellings: an accepted mount has an absolute host path
// and a clean absolute container path, and reads back the same when written out again.
#include "FuzzCheck.h"
#include "launch/VolumeSpec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString spec = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<MountSpec> mount = VolumeSpec::parse(spec);
    if (!mount) {
        FUZZ_CHECK(mount.error().message.contains(QStringLiteral("bad mount")), "a refused mount says why");
        return 0;
    }
    const QString &container = mount->containerPath;
    FUZZ_CHECK(container.startsWith(QLatin1Char('/')), "the container path is absolute");
    for (const QString &part : container.split(QLatin1Char('/'))) {
        FUZZ_CHECK(part != QLatin1String("..") && part != QLatin1String("."), "the container path has no . or .. parts");
    }
    FUZZ_CHECK(container == QLatin1String("/") || !container.contains(QLatin1String("//")),
               "the container path has no empty parts");
    FUZZ_CHECK(!container.contains(QLatin1Char(':')), "the container path holds no colon");
    const QString &host = mount->hostPath;
    FUZZ_CHECK(host.startsWith(QLatin1Char('/')) || VolumeSpec::isWindowsAbsolute(host) || VolumeSpec::isUnc(host),
               "the host path is absolute");

    const QString again = host + QLatin1Char(':') + container + (mount->readOnly ? QStringLiteral(":ro") : QString());
    const Result<MountSpec> reparsed = VolumeSpec::parse(again);
    FUZZ_CHECK(reparsed && *reparsed == *mount, "a parsed mount written out reads back the same");
    return 0;
}
