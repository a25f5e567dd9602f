// SPDX-License-Identifier: GPL-3.0-or-later
// What wsl.exe prints (UTF-16LE with or without BOM, or UTF-8, CRLF): decoding leaves plain
// `\n` text, and listed distributions are single words.
#include "FuzzCheck.h"
#include "wsl/WslOutput.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = WslOutput::decode(bytes);
    FUZZ_CHECK(!text.contains(QLatin1Char('\r')) && !text.contains(QChar(0)), "decoded text has only \\n line ends and no NUL");

    for (const QString &name : WslOutput::parseQuietList(bytes)) {
        FUZZ_CHECK(!name.isEmpty() && name == name.trimmed(), "quiet names are trimmed words");
        FUZZ_CHECK(!name.contains(QLatin1Char(' ')) && !name.contains(QLatin1Char('\n')), "quiet names hold no space");
    }
    for (const WslOutput::Distro &distro : WslOutput::parseVerboseList(bytes)) {
        FUZZ_CHECK(!distro.name.isEmpty() && !distro.name.contains(QLatin1Char(' ')), "verbose names are single words");
        FUZZ_CHECK(!distro.name.contains(QLatin1Char('\n')) && !distro.state.contains(QLatin1Char('\n')),
                   "a distribution is read from one line");
    }
    const QString code = WslOutput::errorCode(text);
    FUZZ_CHECK(code.isEmpty() || (code.startsWith(QLatin1String("Wsl/")) && !code.endsWith(QLatin1Char('.'))),
               "an error code is a Wsl/ token without a trailing dot");
    FUZZ_CHECK(WslOutput::isInfrastructureFailure(-1, text) == !code.isEmpty(), "wsl.exe's own failure needs a code");
    FUZZ_CHECK(!WslOutput::isInfrastructureFailure(0, text), "exit 0 is never wsl.exe's failure");
    return 0;
}
