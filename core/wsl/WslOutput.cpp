// SPDX-License-Identifier: GPL-3.0-or-later
#include "WslOutput.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace WslOutput {

namespace {

bool looksLikeUtf16Le(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xFE"))
        return true;
    // ASCII text in UTF-16LE has a NUL in every odd byte; UTF-8 text has none at all.
    const qsizetype probe = std::min<qsizetype>(bytes.size(), 64);
    int oddNuls = 0;
    for (qsizetype i = 1; i < probe; i += 2)
        oddNuls += bytes[i] == '\0';
    return probe >= 2 && oddNuls * 2 >= probe / 2;
}

// Split on any white space: a name never holds any, and UTF-16 that lost a byte decodes to
// Unicode spaces (U+2000...) that a split on ' ' alone would keep inside a name.
QStringList splitWords(const QString &line)
{
    QStringList words;
    QString word;
    for (const QChar c : line) {
        if (!c.isSpace()) {
            word += c;
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

QStringList lines(const QByteArray &bytes)
{
    QStringList result;
    for (const QString &line : decode(bytes).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            result.append(line);
    }
    return result;
}

} // namespace

QString decode(const QByteArray &bytes)
{
    QString text;
    if (looksLikeUtf16Le(bytes)) {
        QByteArray body = bytes.startsWith("\xFF\xFE") ? bytes.mid(2) : bytes;
        if (body.size() % 2)
            body.chop(1);
        text = QStringDecoder(QStringDecoder::Utf16LE).decode(body);
    } else {
        text = QString::fromUtf8(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes);
    }
    text.remove(QChar(0));
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

QString firstLine(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            return line.trimmed();
    }
    return QStringLiteral("no output");
}

QStringList parseQuietList(const QByteArray &bytes)
{
    QStringList names;
    for (QString line : lines(bytes)) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('*')))
            line = line.mid(1).trimmed();
        const QStringList parts = splitWords(line);
        if (!parts.isEmpty())
            names.append(parts.first());
    }
    return names;
}

QList<Distro> parseVerboseList(const QByteArray &bytes)
{
    QList<Distro> distros;
    const QStringList rows = lines(bytes);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QStringList words = splitWords(rows[i]);
        Distro d;
        if (!words.isEmpty() && words.first() == QLatin1String("*")) {
            d.isDefault = true;
            words.removeFirst();
        } else if (!words.isEmpty() && words.first().startsWith(QLatin1Char('*'))) {
            d.isDefault = true;
            words.first().remove(0, 1);
        }
        if (words.size() < 3)
            continue;
        bool ok = false;
        d.version = words.last().toInt(&ok);
        if (!ok)
            continue;
        // Distro names hold no spaces, but localised states may ("Wird ausgeführt").
        d.name = words.first();
        d.state = words.mid(1, words.size() - 2).join(QLatin1Char(' '));
        distros.append(d);
    }
    return distros;
}

QString errorCode(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("Wsl/[A-Za-z0-9_/.\\-]+"));
    QString last;
    for (auto it = token.globalMatch(text); it.hasNext();)
        last = it.next().captured();
    while (last.endsWith(QLatin1Char('.')))
        last.chop(1);
    return last;
}

bool isInfrastructureFailure(int exitCode, const QString &text)
{
    // A Linux process (the simulator, or wsl.exe under an emulator) can only report the low byte.
    return (exitCode == -1 || exitCode == 255) && !errorCode(text).isEmpty();
}

} // namespace WslOutput
