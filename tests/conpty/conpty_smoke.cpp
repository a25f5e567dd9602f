// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a program on a pseudo console through PseudoConsoleProcess and checks its output and exit
// code. Built with mingw-w64 and run under wine by tests/conpty/conpty-wine-smoke.sh.
// Wine 8's pseudo console starts the program but relays no output and cannot resize, so under
// wine only the start, the job and the exit code are required; on Windows everything is.
#include "pty/win/PseudoConsoleProcess.h"

#include <cstdio>
#include <string>

namespace {

struct Capture
{
    PseudoConsoleProcess *process;
    std::string output;
};

DWORD WINAPI readAll(void *context)
{
    auto *capture = static_cast<Capture *>(context);
    char buffer[4096];
    while (const std::size_t n = capture->process->read(buffer, sizeof buffer))
        capture->output.append(buffer, n);
    return 0;
}

} // namespace

int main()
{
    PseudoConsoleProcess process;
    PseudoConsoleProcess::Options options;
    options.commandLine = L"cmd.exe /c echo scorpiox-conpty-marker& exit 7";
    options.rows = 30;
    options.columns = 100;
    if (const auto failed = process.start(options)) {
        std::fprintf(stderr, "start failed: %s\n", failed.message.c_str());
        return 2;
    }
    Capture capture {&process, {}};
    HANDLE reader = CreateThread(nullptr, 0, &readAll, &capture, 0, nullptr);
    const bool resized = process.resize(40, 120);
    if (WaitForSingleObject(process.processHandle(), 20000) != WAIT_OBJECT_0) {
        std::fprintf(stderr, "the program did not exit\n");
        return 4;
    }
    process.closeConsole();
    WaitForSingleObject(reader, 20000);
    CloseHandle(reader);
    const DWORD code = process.exitCode();
    std::printf("exit=%lu output=%zu bytes resize=%s\n", static_cast<unsigned long>(code), capture.output.size(),
                resized ? "ok" : "failed");
    if (code != 7) {
        std::fprintf(stderr, "exit code %lu, expected 7\n", static_cast<unsigned long>(code));
        return 6;
    }
    const bool underWine = GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != nullptr;
    const bool relayed = capture.output.find("scorpiox-conpty-marker") != std::string::npos;
    if (underWine && (!relayed || !resized)) {
        std::printf("wine: output relay and resize not checked (wine's pseudo console lacks them)\n");
        return 0;
    }
    if (!relayed) {
        std::fprintf(stderr, "marker missing from output: %s\n", capture.output.c_str());
        return 5;
    }
    return resized ? 0 : 3;
}
