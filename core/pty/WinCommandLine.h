// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QStringList>

#include <string>

/// What CreateProcessW takes, built from Qt values (Windows builds only).
namespace WinCommandLine {

/// @p program and @p arguments quoted by CommandLineToArgvW's rules, joined by spaces.
std::wstring join(const QString &program, const QStringList &arguments);
/// NUL-separated K=V entries ending in an extra NUL.
std::wstring environmentBlock(const QProcessEnvironment &environment);

} // namespace WinCommandLine
