// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// What the container side tells the launcher when it cannot go on: errno plus a message that
/// names what failed. Fixed size and built without allocation, so it can be filled after clone.
struct SetupFailure
{
    enum Stage : int {
        Setup = 1,   ///< namespaces, mounts, devices, seccomp: exit 125
        NotFound,    ///< the command does not exist: exit 127
        CannotExec,  ///< the command exists but cannot run: exit 126
        FuseWanted,  ///< not a failure yet: kernel overlayfs refused (message says why), the init
                     ///< waits for the launcher to mount fuse-overlayfs (FuseOverlay)
    };

    int stage = Setup;
    int error = 0; ///< errno, 0 when the message says it all
    char message[512] = {};

    /// Sets stage and errno and the message to the concatenation of up to four parts.
    void set(Stage s, int err, const char *a, const char *b = nullptr, const char *c = nullptr,
             const char *d = nullptr);
    /// Appends to the message (truncating), e.g. a hint.
    void append(const char *text);
};
