// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <sys/types.h>

/// What the launcher tells its caller: one line on stderr for people, and JSON lines on
/// `--info-fd` for the core, which never parses stderr:
/// `{"pid":N}` once the command runs, `{"exit":N}` at the end, `{"error":"…","exit":125}`.
class StatusReport
{
public:
    explicit StatusReport(int infoFd) : m_infoFd(infoFd) { }

    void started(pid_t hostPid) const;
    void exited(int code) const;
    /// A failure: `scorpiox-unshare: REASON` on stderr, and the error line on the info fd.
    void failed(const std::string &reason, int code) const;
    void warn(const std::string &text) const;

    static std::string jsonEscape(const std::string &text);

private:
    void writeInfo(const std::string &line) const;

    int m_infoFd;
};
