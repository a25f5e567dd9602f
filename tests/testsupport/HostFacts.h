// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// What this machine offers the tests that depend on it.
namespace HostFacts {

/// True when the current user has an /etc/subuid range and newuidmap exists, so containers
/// get the full uid mapping rather than a single id.
bool hasSubordinateRange();

} // namespace HostFacts
