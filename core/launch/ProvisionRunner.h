// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaunchSpec.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

#include <functional>

/// What a provisioning run of the image's package manager produced.
struct ProvisionRun
{
    int exitCode = -1;
    QByteArray output; ///< stdout and stderr, merged (its last part when there was much)
    bool timedOut = false; ///< the install ran past LaunchSpec::timeoutSec and was killed
};

/// Runs @p spec to completion, blocking, and keeps `<spec.overlayDir>/upper` afterwards: that
/// upper directory becomes the package layer. Ends the whole process tree once
/// `spec.timeoutSec` has passed. The namespace launcher provides it (Launcher::provisionRunner()).
using ProvisionRunner = std::function<Result<ProvisionRun>(const LaunchSpec &spec)>;

/// Called on the provisioning worker thread with each line of the install's output, without its newline.
using ProvisionLineHandler = std::function<void(const QString &line)>;
