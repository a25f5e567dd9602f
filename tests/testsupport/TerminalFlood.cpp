// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalFlood.h"

#include <QFile>

QByteArray TerminalFlood::generate(qint64 bytes)
{
    static const char *const kWords[] = {"compile", "src/core/launch/LaunchSpec.cpp", "warning:", "ok", "42",
                                         "\xe6\xb5\x8b\xe8\xaf\x95", "[100%]", "error", "scorpiox", "-Wall"};
    QByteArray out;
    out.reserve(bytes + 256);
    quint32 state = 12345; // a fixed LCG: the same bytes in every run
    auto next = [&state] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
    while (out.size() < bytes) {
        const int words = 3 + int(next() % 14);
        for (int w = 0; w < words; ++w) {
            switch (next() % 6) {
            case 0: out += "\x1b[" + QByteArray::number(31 + next() % 7) + 'm'; break;
            case 1: out += "\x1b[38;5;" + QByteArray::number(next() % 256) + 'm'; break;
            case 2:
                out += "\x1b[38;2;" + QByteArray::number(next() % 256) + ';' + QByteArray::number(next() % 256) + ';'
                       + QByteArray::number(next() % 256) + 'm';
                break;
            case 3: out += next() % 2 ? "\x1b[1m" : "\x1b[4m"; break;
            default: break;
            }
            out += kWords[next() % (sizeof kWords / sizeof *kWords)];
            out += "\x1b[0m ";
        }
        out += "\r\n";
    }
    out += lastLine() + "\r\n";
    return out;
}

bool TerminalFlood::writeFile(const QString &path, qint64 bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(generate(bytes)) >= bytes;
}
