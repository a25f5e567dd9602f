// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

/// Linux only: the fields of /proc/PID/stat from field 3 (state) on, so fields()[0] is field 3
/// and field N is fields()[N - 3]. Nothing when the process does not exist.
namespace ProcStat {

std::optional<QList<QByteArray>> fields(qint64 pid);

} // namespace ProcStat
