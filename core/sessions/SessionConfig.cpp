// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionConfig.h"

#include "Paths.h"
#include "config/Settings.h"

SessionConfig SessionConfig::fromSettings(const Settings &settings)
{
    SessionConfig config;
    config.home = settings.home();
    config.cacheDir = settings.pathValue(QStringLiteral("container_cache_dir"));
    config.containerEnabled = settings.boolValue(QStringLiteral("container_enabled"));
    config.image = settings.value(QStringLiteral("container_image"));
    parseNetworkMode(settings.value(QStringLiteral("container_network")), &config.network);
    for (const QString &path : settings.listValue(QStringLiteral("container_mount_ro")))
        config.mountReadOnly.append(Paths::expandTilde(path));
    config.protectPaths = settings.listValue(QStringLiteral("container_protect_paths"));
    config.timeoutSec = int(settings.intValue(QStringLiteral("container_timeout")));
    config.memoryMb = int(settings.intValue(QStringLiteral("container_memory_mb")));
    config.registry = QUrl(settings.value(QStringLiteral("IMAGE_BASE_URL")));
    config.packages = settings.listValue(QStringLiteral("CONTAINER_PACKAGES"));
    config.packagesTimeoutSec = int(settings.intValue(QStringLiteral("CONTAINER_PACKAGES_TIMEOUT")));
    config.registryTimeoutSec = int(settings.intValue(QStringLiteral("IMAGE_TIMEOUT")));
    config.agentCommand = settings.value(QStringLiteral("agent_command"));
    return config;
}
