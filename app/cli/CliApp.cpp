// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"

#include "ConfigCommand.h"
#include "DoctorCommand.h"
#include "CleanCommand.h"
#include "ImagesCommand.h"
#include "ImportCommand.h"
#include "PullCommand.h"
#include "RmCommand.h"
#include "ExitCode.h"
#include "CleanupCommand.h"
#include "ExecCommand.h"
#include "RunCommand.h"
#include "SessionsCommand.h"
#include "StopCommand.h"
#include "SecretCommand.h"

CliApp::CliApp()
{
    m_commands.push_back(std::make_unique<ConfigCommand>());
    m_commands.push_back(std::make_unique<DoctorCommand>());
    m_commands.push_back(std::make_unique<SecretCommand>());
    m_commands.push_back(std::make_unique<RunCommand>());
    m_commands.push_back(std::make_unique<SessionsCommand>());
    m_commands.push_back(std::make_unique<StopCommand>());
    m_commands.push_back(std::make_unique<ExecCommand>());
    m_commands.push_back(std::make_unique<CleanupCommand>());
    m_commands.push_back(std::make_unique<ImagesCommand>());
    m_commands.push_back(std::make_unique<PullCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<RmCommand>());
    m_commands.push_back(std::make_unique<CleanCommand>());
}

CliApp::~CliApp() = default;

QString CliApp::usage() const
{
    QString text = QStringLiteral("Commands (scorpiox-desktop --cli COMMAND ...):\n");
    for (const auto &command : m_commands) {
        for (const QString &line : command->synopsis())
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
    }
    return text;
}

std::optional<QStringList> CliApp::fromSeedSpelling(const QStringList &args)
{
    const QString first = args.value(0);
    if (first == QLatin1String("--list-images"))
        return QStringList{QStringLiteral("images")} + args.mid(1);
    if (first == QLatin1String("--clean"))
        return QStringList{QStringLiteral("clean")} + args.mid(1);
    if (first == QLatin1String("--container-import"))
        return QStringList{QStringLiteral("import")} + args.mid(1);
    if (first == QLatin1String("--image") || first.startsWith(QLatin1String("--image=")))
        return QStringList{QStringLiteral("run")} + args;
    return std::nullopt;
}

int CliApp::run(const QStringList &args)
{
    if (args.isEmpty()) {
        m_console.err << "scorpiox-desktop: --cli needs a command\n" << usage();
        return ExitCode::RuntimeFailed;
    }
    const QString name = args.first();
    if (name == QLatin1String("help") || name == QLatin1String("--help")) {
        m_console.out << usage();
        return 0;
    }
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command->run(args.mid(1), m_console);
    }
    m_console.err << "scorpiox-desktop: unknown command '" << name
                  << "'; run 'scorpiox-desktop --cli help' for the list\n";
    return ExitCode::RuntimeFailed;
}
