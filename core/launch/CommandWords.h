// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QStringList>

/// A command typed on one line, split into words the way a POSIX shell quotes them: blanks
/// separate words, '…' keeps everything literally, "…" keeps all but \\ \" \$ \`, and a
/// backslash outside quotes escapes the next character. No expansion of any kind.
namespace CommandWords {

/// The words of @p line; an unterminated quote or a trailing backslash is an error.
Result<QStringList> split(const QString &line);

} // namespace CommandWords
