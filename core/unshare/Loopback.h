// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SetupFailure.h"

/// `--net isolated`: the new network namespace starts with `lo` down; bring it up.
namespace Loopback {

bool bringUp(SetupFailure *failure);

} // namespace Loopback
