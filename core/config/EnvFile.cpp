// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

bool needsQuotes(const QString &value)
{
    if (value.isEmpty())
        return false;
    return value.front().isSpace() || value.back().isSpace()
           || (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')));
}

} // namespace

bool EnvFile::isValidKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(key).hasMatch();
}

Result<EnvFile> EnvFile::parse(const QByteArray &bytes, const QString &path)
{
    EnvFile file;
    file.m_path = path;
    QByteArray body = bytes;
    if (body.startsWith(kBom)) {
        file.m_bom = true;
        body.remove(0, kBom.size());
    }

    qsizetype pos = 0;
    int lineNo = 0;
    while (pos < body.size()) {
        ++lineNo;
        const qsizetype nl = body.indexOf('\n', pos);
        Line line;
        if (nl < 0) {
            line.text = body.mid(pos);
            pos = body.size();
        } else {
            line.text = body.mid(pos, nl - pos);
            line.eol = "\n";
            pos = nl + 1;
        }
        // Only CR LF ends a line: a lone CR at the very end stays text, or a key appended after it
        // would land on the same line when the file is read again.
        if (!line.eol.isEmpty() && line.text.endsWith('\r')) {
            line.text.chop(1);
            line.eol.prepend('\r');
        }

        const QString where = path + QLatin1Char(':') + QString::number(lineNo);
        if (line.text.contains('\0'))
            return Error::invalid(where + QStringLiteral(": contains a NUL byte; the file must be UTF-8 text"));
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(line.text);
        if (decoder.hasError())
            return Error::invalid(where + QStringLiteral(": is not valid UTF-8; save the file as UTF-8"));

        const QString trimmed = text.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#'))) {
            const qsizetype eq = text.indexOf(QLatin1Char('='));
            if (eq < 0)
                return Error::invalid(where + QStringLiteral(": '%1' has no '='; write KEY=VALUE or start a comment with #")
                                                  .arg(trimmed));
            line.key = text.left(eq).trimmed();
            if (!isValidKey(line.key))
                return Error::invalid(where + QStringLiteral(": '%1' is not a valid key; use letters, digits and _")
                                                  .arg(line.key));
            QString value = text.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) {
                value = value.mid(1, value.size() - 2);
                line.quoted = true;
            }
            line.value = value;
        }
        file.m_lines.append(line);
    }
    return file;
}

Result<EnvFile> EnvFile::load(const QString &path)
{
    QFile f(path);
    if (!f.exists()) {
        EnvFile empty;
        empty.m_path = path;
        return empty;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        if (!QFileInfo(path).isReadable())
            return Error::permission(
                QStringLiteral("cannot read %1: permission denied; make it readable (chmod u+rw %1) and try again").arg(path));
        return Error::io(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    }
    return parse(f.readAll(), path);
}

Result<void> EnvFile::edit(const QString &path, const std::function<Result<void>(EnvFile &)> &change)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::io(QStringLiteral("cannot create directory %1").arg(info.absolutePath()));
    // The lock serialises read-modify-write between processes so no concurrent edit is lost.
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(30000))
        return Error::busy(QStringLiteral("cannot lock %1: another process is editing it (lock file %1.lock)").arg(path));
    Result<EnvFile> file = load(path);
    if (!file)
        return file.error();
    const QByteArray before = file->toBytes();
    if (Result<void> changed = change(*file); !changed)
        return changed;
    if (file->toBytes() == before)
        return {};
    return file->save();
}

QByteArray EnvFile::toBytes() const
{
    QByteArray out;
    if (m_bom)
        out += kBom;
    for (const Line &line : m_lines)
        out += line.text + line.eol;
    return out;
}

Result<void> EnvFile::save() const
{
    const QFileInfo info(m_path);
    if (info.exists() && !info.isWritable())
        return Error::permission(
            QStringLiteral("cannot write %1: the file is read-only; make it writable (chmod u+w %1) and try again").arg(m_path));
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("cannot write %1: %2").arg(m_path, out.errorString()));
    out.write(toBytes());
    if (!out.commit())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(m_path, out.errorString()));
    return {};
}

QList<EnvFile::Entry> EnvFile::entries() const
{
    QList<Entry> result;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (!m_lines[i].key.isEmpty())
            result.append({int(i + 1), m_lines[i].key, m_lines[i].value});
    }
    return result;
}

std::optional<EnvFile::Entry> EnvFile::find(const QString &key) const
{
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        if (m_lines[i].key == key)
            return Entry{int(i + 1), key, m_lines[i].value};
    }
    return std::nullopt;
}

QByteArray EnvFile::formatValue(const QString &value, bool quote)
{
    const QByteArray utf8 = value.toUtf8();
    return quote || needsQuotes(value) ? '"' + utf8 + '"' : utf8;
}

QByteArray EnvFile::newlineStyle() const
{
    for (const Line &line : m_lines) {
        if (!line.eol.isEmpty())
            return line.eol;
    }
    return "\n";
}

Result<void> EnvFile::set(const QString &key, const QString &value)
{
    if (!isValidKey(key))
        return Error::invalid(QStringLiteral("'%1' is not a valid key; use letters, digits and _").arg(key));
    // Setting the value it has must not rewrite the line (and so the file) in another spelling,
    // nor fail for a value that only a hand-edited file can hold (a lone CR).
    if (const std::optional<Entry> current = find(key); current && current->value == value)
        return {};
    if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) || value.contains(QChar(0)))
        return Error::invalid(QStringLiteral("%1: a value must be a single line without NUL bytes").arg(key));

    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        Line &line = m_lines[i];
        if (line.key != key)
            continue;
        // Keep everything up to the value (key spelling, spaces around '=') as the user wrote it.
        const qsizetype eq = line.text.indexOf('=');
        qsizetype start = eq + 1;
        while (start < line.text.size() && (line.text[start] == ' ' || line.text[start] == '\t'))
            ++start;
        line.text = line.text.left(start) + formatValue(value, line.quoted);
        line.value = value;
        return {};
    }

    const QByteArray eol = newlineStyle();
    if (!m_lines.isEmpty() && m_lines.back().eol.isEmpty())
        m_lines.back().eol = eol;
    m_lines.append({key.toUtf8() + '=' + formatValue(value, false), eol, key, value, false});
    return {};
}

bool EnvFile::unset(const QString &key)
{
    return m_lines.removeIf([&key](const Line &line) { return line.key == key; }) > 0;
}
