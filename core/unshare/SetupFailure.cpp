// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetupFailure.h"

#include <initializer_list>

void SetupFailure::set(Stage s, int err, const char *a, const char *b, const char *c, const char *d)
{
    stage = s;
    error = err;
    message[0] = '\0';
    for (const char *part : {a, b, c, d}) {
        if (part)
            append(part);
    }
}

void SetupFailure::append(const char *text)
{
    unsigned long len = 0;
    while (len < sizeof message - 1 && message[len] != '\0')
        ++len;
    for (; *text != '\0' && len < sizeof message - 1; ++text)
        message[len++] = *text;
    message[len] = '\0';
}
