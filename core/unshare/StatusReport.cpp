// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusReport.h"

#include <cerrno>
#include <cstdio>
#include <unistd.h>

void StatusReport::started(pid_t hostPid) const
{
    writeInfo("{\"pid\":" + std::to_string(hostPid) + "}\n");
}

void StatusReport::exited(int code) const
{
    writeInfo("{\"exit\":" + std::to_string(code) + "}\n");
}

void StatusReport::failed(const std::string &reason, int code) const
{
    std::fprintf(stderr, "scorpiox-unshare: %s\n", reason.c_str());
    writeInfo("{\"error\":\"" + jsonEscape(reason) + "\",\"exit\":" + std::to_string(code) + "}\n");
}

void StatusReport::warn(const std::string &text) const
{
    std::fprintf(stderr, "scorpiox-unshare: warning: %s\n", text.c_str());
}

std::string StatusReport::jsonEscape(const std::string &text)
{
    std::string out;
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

void StatusReport::writeInfo(const std::string &line) const
{
    if (m_infoFd < 0)
        return;
    size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = write(m_infoFd, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the reader went away; the exit code still tells the story
        done += static_cast<size_t>(n);
    }
}
