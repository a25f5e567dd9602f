// SPDX-License-Identifier: GPL-3.0-or-later
#include "WinCommandLine.h"

#include <QRegularExpression>

namespace WinCommandLine {

namespace {

// CommandLineToArgvW's rules: backslashes are literal unless they precede a quote.
QString quoteArgument(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QRegularExpression(QStringLiteral("[\\s\"]"))))
        return argument;
    QString quoted = QStringLiteral("\"");
    int backslashes = 0;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted += QString(backslashes * 2 + 1, QLatin1Char('\\'));
        else
            quoted += QString(backslashes, QLatin1Char('\\'));
        backslashes = 0;
        quoted += c;
    }
    quoted += QString(backslashes * 2, QLatin1Char('\\')) + QLatin1Char('"');
    return quoted;
}

} // namespace

std::wstring join(const QString &program, const QStringList &arguments)
{
    QStringList words {quoteArgument(program)};
    for (const QString &argument : arguments)
        words << quoteArgument(argument);
    return words.join(QLatin1Char(' ')).toStdWString();
}

std::wstring environmentBlock(const QProcessEnvironment &environment)
{
    std::wstring block;
    for (const QString &key : environment.keys())
        block += QString(key + QLatin1Char('=') + environment.value(key)).toStdWString() + L'\0';
    block += L'\0';
    return block;
}

} // namespace WinCommandLine
