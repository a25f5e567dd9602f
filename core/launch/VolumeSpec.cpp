// SPDX-License-Identifier: GPL-3.0-or-later
#include "VolumeSpec.h"

#include "Paths.h"

#include <QDir>

namespace VolumeSpec {

bool isWindowsAbsolute(const QString &path)
{
    return path.size() >= 3 && path[0].isLetter() && path[0].unicode() < 128 && path[1] == QLatin1Char(':')
           && (path[2] == QLatin1Char('\\') || path[2] == QLatin1Char('/'));
}

bool isUnc(const QString &path)
{
    return path.startsWith(QLatin1String("\\\\")) || path.startsWith(QLatin1String("//"));
}

Result<MountSpec> parse(const QString &spec)
{
    const QString usage = QStringLiteral("; expected HOST:CONTAINER[:ro], e.g. -v /src:/workspace or -v C:\\src:/workspace:ro");
    MountSpec mount;
    QString rest = spec;
    if (rest.endsWith(QLatin1String(":ro"))) {
        mount.readOnly = true;
        rest.chop(3);
    } else if (rest.endsWith(QLatin1String(":rw"))) {
        rest.chop(3);
    }
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return Error::invalid(QStringLiteral("bad mount '%1': no container path").arg(spec) + usage);
    mount.hostPath = rest.left(colon);
    mount.containerPath = rest.mid(colon + 1);
    if (!mount.containerPath.startsWith(QLatin1Char('/')))
        return Error::invalid(QStringLiteral("bad mount '%1': container path '%2' is not absolute").arg(spec, mount.containerPath)
                              + usage);
    mount.containerPath = QDir::cleanPath(mount.containerPath);
    // cleanPath keeps a leading "/.." ("/../etc" stays as it is): a mount there would leave the root.
    if (mount.containerPath.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return Error::invalid(QStringLiteral("bad mount '%1': container path '%2' leaves the container's root")
                                  .arg(spec, mount.containerPath) + usage);
    if (mount.hostPath.startsWith(QLatin1Char('~')))
        mount.hostPath = Paths::expandTilde(mount.hostPath);
    if (!mount.hostPath.startsWith(QLatin1Char('/')) && !isWindowsAbsolute(mount.hostPath) && !isUnc(mount.hostPath))
        return Error::invalid(QStringLiteral("bad mount '%1': host path '%2' is not absolute").arg(spec, mount.hostPath) + usage);
    return mount;
}

} // namespace VolumeSpec
