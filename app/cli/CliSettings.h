// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"
#include "config/Settings.h"

#include <memory>

/// The effective settings for a command: `$SCORPIOX_HOME` and @p projectDir (default: the
/// current directory). Errors in the files are printed; null when there were any.
std::unique_ptr<Settings> loadCliSettings(Console &console, const QString &projectDir = {});
