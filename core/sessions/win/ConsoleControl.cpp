// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleControl.h"

#include <atomic>

namespace ConsoleControl {

namespace {

HANDLE g_requested = nullptr;
HANDLE g_finished = nullptr;
DWORD g_closeGraceMs = 0;
std::atomic<int> g_signal {0};

BOOL WINAPI onControl(DWORD event)
{
    const int signal = signalFor(event);
    if (signal == 0)
        return FALSE;
    g_signal.store(signal);
    SetEvent(g_requested);
    if (signal == 1)
        WaitForSingleObject(g_finished, g_closeGraceMs);
    return TRUE;
}

} // namespace

int signalFor(DWORD event)
{
    switch (event) {
    case CTRL_C_EVENT:
        return 2;
    case CTRL_BREAK_EVENT:
        return 15;
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        return 1;
    default:
        return 0;
    }
}

Win32Failure install(DWORD closeGraceMs)
{
    if (g_requested)
        return {};
    g_closeGraceMs = closeGraceMs;
    g_requested = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    g_finished = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!g_requested || !g_finished) {
        Win32Failure failed = Win32Failure::lastError("cannot create the console control events");
        closeWin32Handle(g_requested);
        closeWin32Handle(g_finished);
        return failed;
    }
    if (!SetConsoleCtrlHandler(&onControl, TRUE)) {
        Win32Failure failed = Win32Failure::lastError("cannot install the console control handler");
        closeWin32Handle(g_requested);
        closeWin32Handle(g_finished);
        return failed;
    }
    return {};
}

void uninstall()
{
    if (!g_requested)
        return;
    SetConsoleCtrlHandler(&onControl, FALSE);
    // A close handler may still wait: let it return before the event goes away.
    finish();
    closeWin32Handle(g_requested);
    closeWin32Handle(g_finished);
}

HANDLE requestedEvent()
{
    return g_requested;
}

int takeSignal()
{
    return g_signal.exchange(0);
}

void finish()
{
    if (g_finished)
        SetEvent(g_finished);
}

} // namespace ConsoleControl
