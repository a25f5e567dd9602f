// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandWords.h"

namespace CommandWords {

Result<QStringList> split(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\'')) {
            const qsizetype close = line.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0)
                return Error::invalid(QStringLiteral("the command has an unterminated ' quote"));
            word += line.mid(i + 1, close - i - 1);
            inWord = true;
            i = close;
        } else if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            for (; j < line.size() && line.at(j) != QLatin1Char('"'); ++j) {
                static const QString escapable = QStringLiteral("\\\"$`");
                if (line.at(j) == QLatin1Char('\\') && j + 1 < line.size() && escapable.contains(line.at(j + 1)))
                    ++j;
                word += line.at(j);
            }
            if (j >= line.size())
                return Error::invalid(QStringLiteral("the command has an unterminated \" quote"));
            inWord = true;
            i = j;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= line.size())
                return Error::invalid(QStringLiteral("the command ends with a lone backslash"));
            word += line.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

} // namespace CommandWords
