// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"

CliArgs::CliArgs(const QStringList &args)
{
    const qsizetype separator = args.indexOf(QStringLiteral("--"));
    if (separator >= 0) {
        m_hasSeparator = true;
        m_args = args.mid(0, separator);
        m_command = args.mid(separator + 1);
    } else {
        m_args = args;
    }
}

bool CliArgs::takeFlag(const QString &name)
{
    return m_args.removeAll(name) > 0;
}

Result<QStringList> CliArgs::takeValues(const QString &name)
{
    QStringList values;
    const QString prefix = name + QLatin1Char('=');
    for (qsizetype i = 0; i < m_args.size();) {
        if (m_args[i] == name) {
            if (i + 1 >= m_args.size())
                return Error::invalid(QStringLiteral("%1 needs a value").arg(name));
            values.append(m_args[i + 1]);
            m_args.remove(i, 2);
        } else if (m_args[i].startsWith(prefix)) {
            values.append(m_args[i].mid(prefix.size()));
            m_args.remove(i);
        } else {
            ++i;
        }
    }
    return values;
}

Result<std::optional<QString>> CliArgs::takeValue(const QString &name)
{
    const Result<QStringList> values = takeValues(name);
    if (!values)
        return values.error();
    if (values->isEmpty())
        return std::optional<QString>();
    return std::optional<QString>(values->back());
}

Result<QStringList> CliArgs::positionals() const
{
    for (const QString &arg : m_args) {
        // A negative number is a value ("config set container_timeout -5"), not an option.
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1 && !arg[1].isDigit())
            return Error::invalid(QStringLiteral("unknown option %1").arg(arg));
    }
    return m_args;
}
