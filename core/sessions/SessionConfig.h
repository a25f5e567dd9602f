// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "launch/LaunchSpec.h"

#include <QStringList>
#include <QUrl>

class Settings;

/// The settings a session uses, copied when it starts so later edits never change a running one.
struct SessionConfig
{
    QString home;
    QString cacheDir;
    bool containerEnabled = true;
    QString image;
    NetworkMode network = NetworkMode::Host;
    QStringList mountReadOnly;
    QStringList protectPaths;
    int timeoutSec = 0;
    int memoryMb = 0;
    QUrl registry;
    QStringList packages;
    int packagesTimeoutSec = 900;
    int registryTimeoutSec = 30;
    QString agentCommand;

    static SessionConfig fromSettings(const Settings &settings);
};

/// What one session is asked to run, beyond the settings.
struct SessionRequest
{
    QString projectDir;          ///< mounted at /workspace unless bindDir or persistDir is given
    QString bindDir;             ///< `--bind DIR`: DIR at /workspace
    QString persistDir;          ///< `--persist DIR`: DIR at /persist
    QList<MountSpec> volumes;    ///< `-v HOST:CONT[:ro]`
    QStringList environment;     ///< `-e K=V` / `-e K`
    QStringList command;         ///< empty: agent_command
    QString backend = QStringLiteral("auto"); ///< auto, namespace, wsl or host
    bool terminal = true;        ///< false: the command shares the caller's stdin/stdout/stderr
    int rows = 24;
    int columns = 80;
};
