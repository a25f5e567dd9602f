// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// How the views spell sizes, rates and durations, the same way everywhere.
namespace FormatText {

/// "1.5 MiB"
QString bytes(qint64 bytes);
/// "2.1 MiB/s"
QString rate(double bytesPerSecond);
/// "42 s", "3 min 05 s", "2 h 07 min"
QString duration(qint64 seconds);

} // namespace FormatText
