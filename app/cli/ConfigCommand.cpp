// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "Paths.h"
#include "config/EnvFile.h"
#include "config/Settings.h"
#include "config/SettingsSchema.h"

#include <QDir>

namespace {

int fail(Console &console, const QString &message)
{
    console.err << "scorpiox-desktop: " << message << '\n';
    return ExitCode::RuntimeFailed;
}

/// Prints the diagnostics and returns true when none of them is an error.
bool report(const QList<Diagnostic> &diagnostics, Console &console)
{
    for (const Diagnostic &d : diagnostics)
        console.err << d.toString() << '\n';
    return !hasErrors(diagnostics);
}

QString describeOrigin(const Settings::Value &value)
{
    QString text = Settings::originName(value.origin);
    if (!value.file.isEmpty())
        text += QStringLiteral(" (%1:%2)").arg(value.file).arg(value.line);
    return text;
}

} // namespace

QStringList ConfigCommand::synopsis() const
{
    return {QStringLiteral("config list [--project DIR]"), QStringLiteral("config get KEY [--project DIR]"),
            QStringLiteral("config set KEY VALUE [--global] [--project DIR]"),
            QStringLiteral("config unset KEY [--global] [--project DIR]"),
            QStringLiteral("config validate [--project DIR]")};
}

int ConfigCommand::run(const QStringList &args, Console &console)
{
    CliArgs cli(args);
    const bool global = cli.takeFlag(QStringLiteral("--global"));
    const Result<std::optional<QString>> project = cli.takeValue(QStringLiteral("--project"));
    if (!project)
        return fail(console, project.error().message);
    const Result<QStringList> words = cli.positionals();
    if (!words)
        return fail(console, words.error().message + QStringLiteral(" for 'config'"));
    if (words->isEmpty())
        return fail(console, QStringLiteral("config needs a subcommand: list, get, set, unset or validate"));

    const QString projectDir = project->has_value() ? QDir(**project).absolutePath() : QDir::currentPath();
    Settings settings(Paths::scorpioxHome(), projectDir);
    const QString sub = words->first();
    const QStringList rest = words->mid(1);
    if (sub == QLatin1String("list") && rest.isEmpty())
        return list(settings, console);
    if (sub == QLatin1String("get"))
        return get(settings, rest, console);
    if (sub == QLatin1String("set"))
        return set(settings, rest, global, console);
    if (sub == QLatin1String("unset"))
        return unset(settings, rest, global, console);
    if (sub == QLatin1String("validate") && rest.isEmpty())
        return validate(settings, console);
    return fail(console, QStringLiteral("usage: scorpiox-desktop --cli ") + synopsis().join(QStringLiteral(" | ")));
}

int ConfigCommand::list(Settings &settings, Console &console)
{
    const bool valid = report(settings.load(), console);
    qsizetype width = 0;
    for (const SettingsSchema::Key &key : SettingsSchema::keys())
        width = std::max(width, key.name.size());
    for (const SettingsSchema::Key &key : SettingsSchema::keys()) {
        const Settings::Value value = settings.effective(key.name);
        console.out << key.name.leftJustified(width + 2) << value.text << "\t# " << describeOrigin(value) << '\n';
    }
    for (const QString &unknown : settings.unknownKeys())
        console.out << unknown.leftJustified(width + 2) << "\t# unknown key, kept in the file\n";
    return valid ? 0 : ExitCode::RuntimeFailed;
}

int ConfigCommand::get(Settings &settings, const QStringList &words, Console &console)
{
    if (words.size() != 1)
        return fail(console, QStringLiteral("usage: config get KEY"));
    const bool valid = report(settings.load(), console);
    const QString key = words.first();
    if (SettingsSchema::find(key)) {
        console.out << settings.value(key) << '\n';
        return valid ? 0 : ExitCode::RuntimeFailed;
    }
    // Unknown keys are kept in the files; report the highest layer that has one.
    for (const QString &path : {settings.projectFile(), settings.globalFile()}) {
        const Result<EnvFile> file = EnvFile::load(path);
        if (file) {
            if (const auto entry = file->find(key)) {
                console.out << entry->value << '\n';
                return 0;
            }
        }
    }
    return fail(console, QStringLiteral("'%1' is not a setting and is set in no file; "
                                        "'config list' shows the known keys").arg(key));
}

int ConfigCommand::set(Settings &settings, const QStringList &words, bool global, Console &console)
{
    if (words.size() != 2)
        return fail(console, QStringLiteral("usage: config set KEY VALUE [--global]"));
    const QString key = words[0];
    QString value = words[1];
    const QString path = global ? settings.globalFile() : settings.projectFile();
    if (const SettingsSchema::Key *schemaKey = SettingsSchema::find(key)) {
        const Result<QString> valid = SettingsSchema::validate(*schemaKey, value);
        if (!valid)
            return fail(console, QStringLiteral("%1: %2; %3 left unchanged").arg(key, valid.error().message, path));
        value = *valid;
    } else if (!EnvFile::isValidKey(key)) {
        return fail(console, QStringLiteral("'%1' is not a valid key; use letters, digits and _").arg(key));
    } else {
        const SettingsSchema::Key *similar = SettingsSchema::findIgnoringCase(key);
        console.err << "warning: " << key << ": unknown key"
                    << (similar ? QStringLiteral(" (did you mean %1?)").arg(similar->name) : QString())
                    << "; stored anyway\n";
    }
    const Result<void> saved = EnvFile::edit(path, [&](EnvFile &file) { return file.set(key, value); });
    if (!saved)
        return fail(console, saved.error().message);
    return 0;
}

int ConfigCommand::unset(Settings &settings, const QStringList &words, bool global, Console &console)
{
    if (words.size() != 1)
        return fail(console, QStringLiteral("usage: config unset KEY [--global]"));
    const QString key = words.first();
    const QString path = global ? settings.globalFile() : settings.projectFile();
    bool removed = false;
    const Result<void> saved = EnvFile::edit(path, [&](EnvFile &file) -> Result<void> {
        removed = file.unset(key);
        return {};
    });
    if (!saved)
        return fail(console, saved.error().message);
    if (!removed)
        console.err << key << " was not set in " << path << '\n';
    return 0;
}

int ConfigCommand::validate(Settings &settings, Console &console)
{
    const QList<Diagnostic> diagnostics = settings.load();
    if (!report(diagnostics, console))
        return 1;
    console.out << "ok: " << settings.globalFile() << " and " << settings.projectFile() << " are valid\n";
    return 0;
}
