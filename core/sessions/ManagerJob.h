// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// Windows only: puts the manager into a kill-on-close job of its own at start-up, so every
/// process it starts — the short wsl.exe calls (--import, --unregister, --terminate, --list) as
/// much as a session's wsl.exe — ends when the manager ends, even when it is killed. A session's
/// own job nests inside it and still ends the session when released. When the manager cannot
/// join (an outer job forbids nesting), it logs that once and runs as before. Linux needs none of
/// this: a session's launcher dies with its parent (PR_SET_PDEATHSIG) and short calls end by
/// themselves.
namespace ManagerJob {

void enter();

} // namespace ManagerJob
