// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Console control events (Ctrl+C, Ctrl+Break, the console window closing, logoff, shutdown) as
// Unix signal numbers, so the manager stops its sessions (and unregisters their distributions)
// as it does on SIGINT/SIGTERM/SIGHUP. Plain Win32 and C++, no Qt, compile-checked with mingw-w64.

#include "pty/win/Win32.h"

/// SetConsoleCtrlHandler takes a plain function, so the state is the process's: one handler,
/// installed once. The handler runs on a thread Windows creates; it only records the event and
/// sets requestedEvent(). For close, logoff and shutdown Windows ends the process as soon as the
/// handler returns, so the handler waits there (at most the grace given) until finish().
namespace ConsoleControl {

Win32Failure install(DWORD closeGraceMs);
void uninstall();
/// An auto-reset event, set once per control event; valid after install().
HANDLE requestedEvent();
/// The signal of the latest event: SIGINT (2) for Ctrl+C, SIGTERM (15) for Ctrl+Break, SIGHUP (1)
/// for close, logoff and shutdown; 0 before any.
int takeSignal();
/// The sessions are stopped and released: a waiting close handler may return.
void finish();
/// The Unix signal number standing for console control event @p event, 0 for an unknown one.
int signalFor(DWORD event);

} // namespace ConsoleControl
