// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

/// A second name for a complete file, given only if the name is free: readers never see a partly
/// written file, and two writers never both win the name. Unix: link(); Windows: CreateHardLinkW
/// (NTFS), which fails the same way when the name exists.
namespace FileLink {

/// True when @p target now names @p existing, false when @p target was already taken.
Result<bool> createNew(const QString &existing, const QString &target);

} // namespace FileLink
