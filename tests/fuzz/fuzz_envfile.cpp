// SPDX-License-Identifier: GPL-3.0-or-later
// scorpiox-env.txt: a parsed file writes back byte for byte, setting a key to its own value
// changes nothing, and set/unset touch only their own lines.
#include "FuzzCheck.h"
#include "config/EnvFile.h"

#include <QStringDecoder>

#include <cstddef>
#include <cstdint>

namespace {

// The file's lines with their endings, as they are on disk (the BOM left out).
QList<QByteArray> rawLines(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QList<QByteArray> lines;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? bytes.size() : nl + 1;
        lines.append(bytes.mid(pos, end - pos));
        pos = end;
    }
    return lines;
}

QByteArray prefixOf(const QByteArray &bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF") ? QByteArray("\xEF\xBB\xBF") : QByteArray();
}

void checkSet(const EnvFile &original, const QByteArray &bytes, const QString &key, const QString &value)
{
    EnvFile file = original;
    const std::optional<EnvFile::Entry> before = file.find(key);
    const Result<void> set = file.set(key, value);
    if (!set) {
        FUZZ_CHECK(!set.error().message.isEmpty(), "a refused set says why");
        FUZZ_CHECK(file.toBytes() == bytes, "a refused set leaves the file as it was");
        return;
    }
    const QByteArray after = file.toBytes();
    const Result<EnvFile> reparsed = EnvFile::parse(after, QStringLiteral("fuzz.txt"));
    FUZZ_CHECK(bool(reparsed), "what set() wrote parses again");
    const std::optional<EnvFile::Entry> found = reparsed->find(key);
    FUZZ_CHECK(found && found->value == value, "what set() wrote reads back as the value set");
    FUZZ_CHECK(reparsed->entries().size() == original.entries().size() + (before ? 0 : 1),
               "set() adds at most its own entry");

    QList<QByteArray> expected = rawLines(bytes);
    const QList<QByteArray> actual = rawLines(after);
    FUZZ_CHECK(prefixOf(after) == prefixOf(bytes), "set() keeps the BOM");
    if (before) {
        FUZZ_CHECK(actual.size() == expected.size(), "set() of a present key keeps the line count");
        for (qsizetype i = 0; i < expected.size(); ++i) {
            if (i != before->line - 1)
                FUZZ_CHECK(actual[i] == expected[i], "set() keeps every other line byte for byte");
        }
        if (before->value == value)
            FUZZ_CHECK(after == bytes, "setting a key to its own value changes nothing");
    } else {
        FUZZ_CHECK(actual.size() == expected.size() + 1, "set() of a new key appends one line");
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const bool lastWithoutEnd = i == expected.size() - 1 && !expected[i].endsWith('\n');
            if (lastWithoutEnd)
                FUZZ_CHECK(actual[i].startsWith(expected[i]) && actual[i].endsWith('\n'),
                           "set() only ends an unterminated last line");
            else
                FUZZ_CHECK(actual[i] == expected[i], "set() keeps every other line byte for byte");
        }
    }
}

void checkUnset(const EnvFile &original, const QByteArray &bytes, const QString &key)
{
    EnvFile file = original;
    const bool removed = file.unset(key);
    QList<QByteArray> expected = rawLines(bytes);
    const QList<EnvFile::Entry> entries = original.entries();
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        if (entries[i].key == key)
            expected.removeAt(entries[i].line - 1);
    }
    FUZZ_CHECK(removed == (expected.size() != rawLines(bytes).size()), "unset() says whether it removed a line");
    FUZZ_CHECK(file.toBytes() == prefixOf(bytes) + expected.join(), "unset() removes its lines and nothing else");
    const Result<EnvFile> reparsed = EnvFile::parse(file.toBytes(), QStringLiteral("fuzz.txt"));
    FUZZ_CHECK(bool(reparsed) && !reparsed->find(key), "an unset key is gone");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<EnvFile> parsed = EnvFile::parse(bytes, QStringLiteral("fuzz.txt"));
    if (!parsed) {
        FUZZ_CHECK(parsed.error().message.startsWith(QStringLiteral("fuzz.txt:")), "a parse error names file and line");
        return 0;
    }
    FUZZ_CHECK(parsed->toBytes() == bytes, "an unedited file writes back byte for byte");

    const QList<EnvFile::Entry> entries = parsed->entries();
    for (const EnvFile::Entry &entry : entries) {
        FUZZ_CHECK(EnvFile::isValidKey(entry.key), "every parsed key is valid");
        EnvFile same = *parsed;
        FUZZ_CHECK(bool(same.set(entry.key, parsed->find(entry.key)->value)), "a key can be set to its own value");
        FUZZ_CHECK(same.toBytes() == bytes, "setting a key to its own value changes nothing");
    }

    // Values to set come from the input itself, so the fuzzer steers them too.
    const QString text = QString::fromUtf8(bytes);
    const QString value = text.section(QLatin1Char('\n'), -1);
    const QString key = entries.isEmpty() ? QStringLiteral("FUZZ_NEW_KEY") : entries[qsizetype(size % entries.size())].key;
    checkSet(*parsed, bytes, key, value);
    checkSet(*parsed, bytes, QStringLiteral("FUZZ_NEW_KEY"), value.trimmed());
    checkSet(*parsed, bytes, key, QStringLiteral(" spaced \"value\" "));
    checkUnset(*parsed, bytes, key);
    return 0;
}
