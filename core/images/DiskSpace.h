// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

/// Telling a user that the disk is full in a way they can act on: where, how much room there
/// is (and was needed, when known), and how to make more.
namespace DiskSpace {

/// True for the errno values of a full file system or an exhausted quota.
bool isFull(int error);

/// Bytes an ordinary user may still write on the file system holding @p path (or its nearest
/// existing parent); -1 when that cannot be told.
qint64 available(const QString &path);

/// The one-line error for a full disk while writing @p what (e.g. "image 'alpine'") into
/// @p path (a directory of the image cache). @p needed is the size of what was being written,
/// or -1 when unknown.
Error fullError(const QString &what, const QString &path, qint64 needed = -1);

} // namespace DiskSpace
