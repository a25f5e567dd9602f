// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// A tiny rootfs made from Debian's busybox-static by the same script that builds the
/// built-in `default` image (resources/default-image/build-rootfs.sh).
namespace BusyboxRootfs {

/// Builds the rootfs into @p dir (which must not exist or be empty); returns an error text or "".
QString create(const QString &dir);

} // namespace BusyboxRootfs
