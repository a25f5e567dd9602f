// SPDX-License-Identifier: GPL-3.0-or-later
#include "BusyboxRootfs.h"

#include <QProcess>

namespace BusyboxRootfs {

QString create(const QString &dir)
{
    QProcess script;
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral(SCORPIOX_SOURCE_DIR "/resources/default-image/build-rootfs.sh"), {dir});
    if (!script.waitForFinished(60000) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0)
        return QStringLiteral("build-rootfs.sh failed: ") + QString::fromLocal8Bit(script.readAll());
    return {};
}

} // namespace BusyboxRootfs
