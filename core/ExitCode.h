// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Exit codes shared by scorpiox-unshare and scorpiox-desktop (Docker/Podman convention).
// Plain C++ so the Qt-free launcher can include it.
namespace ExitCode {
inline constexpr int TimedOut = 124;      ///< container_timeout ended the command
inline constexpr int RuntimeFailed = 125; ///< bad flag, missing image, setup error
inline constexpr int CannotExecute = 126; ///< the command exists but could not be executed
inline constexpr int NotFound = 127;      ///< the command was not found
inline constexpr int SignalBase = 128;    ///< 128+N: the command died of signal N
} // namespace ExitCode
