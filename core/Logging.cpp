// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

Q_LOGGING_CATEGORY(lcConfig, "scorpiox.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImages, "scorpiox.images", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLaunch, "scorpiox.launch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSessions, "scorpiox.sessions", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPty, "scorpiox.pty", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "scorpiox.secrets", QtInfoMsg)
