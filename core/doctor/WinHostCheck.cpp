// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostCheck.h"

#include "Paths.h"

#include <QFileInfo>

namespace {

HostCheck checkNoNetworkHelper()
{
    // Only `--net none` sessions copy it into their distribution, so its absence is a warning.
    const QString subject = QStringLiteral("network guard for --net none");
    const QString helper = Paths::wslNoNetworkHelper();
    const QFileInfo info(helper);
    if (!info.isFile() || info.size() == 0)
        return {HostCheck::Status::Warning, subject,
                QStringLiteral("%1 is missing: sessions with container_network=none cannot start").arg(helper),
                QStringLiteral("reinstall Scorpiox Desktop, or point SCORPIOX_WSL_NO_NETWORK at scorpiox-no-network")};
    return {HostCheck::Status::Ok, subject, helper, {}};
}

} // namespace

QList<HostCheck> HostCheck::backendChecks(const Settings &settings)
{
    return {checkWsl(settings), checkNoNetworkHelper()};
}
