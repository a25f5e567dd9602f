// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalScreen.h"

#include "TerminalReplyFilter.h"

#include <QLoggingCategory>

#include <algorithm>

#include <vterm.h>

Q_LOGGING_CATEGORY(lcTerminal, "scorpiox.terminal", QtInfoMsg)

namespace {

constexpr uint32_t kWideContinuation = 0xffffffff; // libvterm marks a wide character's right half so

TerminalColor fromVtermColor(const VTermColor &color, bool foreground)
{
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&color) : VTERM_COLOR_IS_DEFAULT_BG(&color))
        return {};
    if (VTERM_COLOR_IS_INDEXED(&color))
        return TerminalColor::indexed(color.indexed.idx);
    return TerminalColor::rgb(color.rgb.red, color.rgb.green, color.rgb.blue);
}

VTermColor toVtermColor(TerminalColor color, bool foreground)
{
    VTermColor result;
    switch (color.kind()) {
    case TerminalColor::Kind::Default:
        vterm_color_indexed(&result, foreground ? 7 : 0);
        result.type |= foreground ? VTERM_COLOR_DEFAULT_FG : VTERM_COLOR_DEFAULT_BG;
        break;
    case TerminalColor::Kind::Indexed:
        vterm_color_indexed(&result, uint8_t(color.index()));
        break;
    case TerminalColor::Kind::Rgb:
        vterm_color_rgb(&result, uint8_t(qRed(color.toRgb())), uint8_t(qGreen(color.toRgb())),
                        uint8_t(qBlue(color.toRgb())));
        break;
    }
    return result;
}

TerminalCell fromVterm(const VTermScreenCell &cell)
{
    TerminalCell result;
    if (cell.chars[0] == kWideContinuation) {
        result.width = 0;
    } else {
        result.character = char32_t(cell.chars[0]);
        result.combining = cell.chars[0] ? char32_t(cell.chars[1]) : 0;
        result.width = quint8(qMax<int>(1, cell.width));
    }
    result.foreground = fromVtermColor(cell.fg, true);
    result.background = fromVtermColor(cell.bg, false);
    quint8 attributes = 0;
    if (cell.attrs.bold)
        attributes |= TerminalCell::Bold;
    if (cell.attrs.italic)
        attributes |= TerminalCell::Italic;
    if (cell.attrs.underline)
        attributes |= TerminalCell::Underline;
    if (cell.attrs.reverse)
        attributes |= TerminalCell::Reverse;
    if (cell.attrs.strike)
        attributes |= TerminalCell::Strike;
    if (cell.attrs.blink)
        attributes |= TerminalCell::Blink;
    result.attributes = attributes;
    return result;
}

VTermModifier toVtermModifiers(Qt::KeyboardModifiers modifiers)
{
    int result = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        result |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        result |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        result |= VTERM_MOD_CTRL;
    return VTermModifier(result);
}

VTermKey toVtermKey(int qtKey)
{
    if (qtKey >= Qt::Key_F1 && qtKey <= Qt::Key_F24)
        return VTermKey(VTERM_KEY_FUNCTION(qtKey - Qt::Key_F1 + 1));
    switch (qtKey) {
    case Qt::Key_Return: return VTERM_KEY_ENTER;
    case Qt::Key_Enter: return VTERM_KEY_ENTER;
    case Qt::Key_Tab: return VTERM_KEY_TAB;
    case Qt::Key_Backtab: return VTERM_KEY_TAB;
    case Qt::Key_Backspace: return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape: return VTERM_KEY_ESCAPE;
    case Qt::Key_Up: return VTERM_KEY_UP;
    case Qt::Key_Down: return VTERM_KEY_DOWN;
    case Qt::Key_Left: return VTERM_KEY_LEFT;
    case Qt::Key_Right: return VTERM_KEY_RIGHT;
    case Qt::Key_Insert: return VTERM_KEY_INS;
    case Qt::Key_Delete: return VTERM_KEY_DEL;
    case Qt::Key_Home: return VTERM_KEY_HOME;
    case Qt::Key_End: return VTERM_KEY_END;
    case Qt::Key_PageUp: return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown: return VTERM_KEY_PAGEDOWN;
    default: return VTERM_KEY_NONE;
    }
}

// Ctrl combinations every terminal sends as C0 bytes; libvterm would encode some of them
// (Ctrl+[, Ctrl+I, Ctrl+digits) as CSI u, which shells and older programs do not understand.
int classicControlByte(char32_t character)
{
    switch (character) {
    case '@': case '2': case ' ': return 0x00;
    case '[': case '3': return 0x1b;
    case '\\': case '4': return 0x1c;
    case ']': case '5': return 0x1d;
    case '^': case '6': case '~': return 0x1e;
    case '_': case '7': case '/': return 0x1f;
    case '?': case '8': return 0x7f;
    case 'i': return 0x09;
    case 'j': return 0x0a;
    case 'm': return 0x0d;
    default: return -1;
    }
}

} // namespace

struct TerminalScreen::Callbacks
{
    static TerminalScreen *self(void *user) { return static_cast<TerminalScreen *>(user); }

    static int damage(VTermRect rect, void *user)
    {
        self(user)->markDamage(rect.start_row, rect.end_row);
        return 1;
    }
    static int moverect(VTermRect dest, VTermRect src, void *user)
    {
        self(user)->markDamage(qMin(dest.start_row, src.start_row), qMax(dest.end_row, src.end_row));
        return 1;
    }
    static int movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
    {
        TerminalScreen *screen = self(user);
        // libvterm 0.1.4 reports row -1 for some scroll-region sequences; the grid has no such row.
        screen->m_cursor = QPoint(qBound(0, pos.col, screen->m_columns - 1), qBound(0, pos.row, screen->m_rows - 1));
        screen->m_cursorVisible = visible;
        screen->markDamage(oldpos.row, oldpos.row + 1);
        screen->markDamage(pos.row, pos.row + 1);
        return 1;
    }
    static int settermprop(VTermProp prop, VTermValue *value, void *user)
    {
        TerminalScreen *screen = self(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE: screen->m_cursorVisible = value->boolean; break;
        case VTERM_PROP_CURSORBLINK: screen->m_cursorBlinks = value->boolean; break;
        case VTERM_PROP_ALTSCREEN: screen->m_alternateScreen = value->boolean; break;
        case VTERM_PROP_REVERSE: screen->m_reverseVideo = value->boolean; break;
        case VTERM_PROP_CURSORSHAPE:
            screen->m_cursorShape = value->number == VTERM_PROP_CURSORSHAPE_UNDERLINE ? CursorShape::Underline
                                    : value->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT ? CursorShape::Bar
                                                                                       : CursorShape::Block;
            break;
        case VTERM_PROP_MOUSE: screen->m_mouseMode = MouseMode(qBound(0, value->number, 3)); break;
        case VTERM_PROP_TITLE: {
            const QString title = sanitisedTitle(QByteArray(value->string));
            if (title != screen->m_title) {
                screen->m_title = title;
                Q_EMIT screen->titleChanged(title);
            }
            break;
        }
        default: return 0;
        }
        screen->markDamage(0, screen->m_rows);
        return 1;
    }
    static int bell(void *user)
    {
        Q_EMIT self(user)->bell();
        return 1;
    }
    static int pushline(int columns, const VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        int used = columns;
        // Trailing blanks cost memory in every one of 10,000 lines; a coloured blank is kept.
        while (used > 0 && (cells[used - 1].chars[0] == 0 || cells[used - 1].chars[0] == ' ')
               && VTERM_COLOR_IS_DEFAULT_BG(&cells[used - 1].bg) && !cells[used - 1].attrs.reverse)
            --used;
        TerminalScrollback::Line line;
        line.reserve(used);
        for (int i = 0; i < used; ++i)
            line.append(fromVterm(cells[i]));
        screen->m_scrollback.push(std::move(line));
        ++screen->m_linesScrolledOff;
        return 1;
    }
    static int popline(int columns, VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        if (screen->m_scrollback.size() == 0)
            return 0;
        const TerminalScrollback::Line line = screen->m_scrollback.popNewest();
        --screen->m_linesScrolledOff;
        for (int i = 0; i < columns; ++i) {
            VTermScreenCell &out = cells[i];
            out = VTermScreenCell {};
            TerminalCell cell = i < line.size() ? line[i] : TerminalCell {};
            // A line pushed from a wider screen can hold a wide character that a narrower one
            // cuts in half; handed to libvterm it would reach past the row and crash it.
            if (cell.width == 2 && i == columns - 1)
                cell = TerminalCell {};
            out.chars[0] = cell.width == 0 ? kWideContinuation : uint32_t(cell.character);
            out.chars[1] = cell.width == 0 ? 0 : uint32_t(cell.combining);
            out.width = char(qMax<int>(1, cell.width));
            out.attrs.bold = cell.has(TerminalCell::Bold);
            out.attrs.italic = cell.has(TerminalCell::Italic);
            out.attrs.underline = cell.has(TerminalCell::Underline) ? VTERM_UNDERLINE_SINGLE : VTERM_UNDERLINE_OFF;
            out.attrs.reverse = cell.has(TerminalCell::Reverse);
            out.attrs.strike = cell.has(TerminalCell::Strike);
            out.attrs.blink = cell.has(TerminalCell::Blink);
            out.fg = toVtermColor(cell.foreground, true);
            out.bg = toVtermColor(cell.background, false);
        }
        return 1;
    }
    static void output(const char *bytes, size_t length, void *user) { self(user)->onOutput(bytes, length); }

    static constexpr VTermScreenCallbacks screen = {
        &damage, &moverect, &movecursor, &settermprop, &bell, nullptr, &pushline, &popline,
    };
    // Unknown OSC (52: clipboard, 7/8: links, ...) and DCS strings are swallowed here, not acted on.
    static int ignoreString(const char *, size_t, void *) { return 1; }
    static constexpr VTermParserCallbacks fallbacks = {
        nullptr, nullptr, nullptr, nullptr, &ignoreString, &ignoreString, nullptr,
    };
};

TerminalScreen::TerminalScreen(int rows, int columns, int scrollbackLines, QObject *parent)
    : QObject(parent), m_scrollback(scrollbackLines), m_rows(qMax(1, rows)), m_columns(qMax(kMinimumColumns, columns))
{
    m_vterm = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &Callbacks::output, this);
    m_screen = vterm_obtain_screen(m_vterm);
    vterm_screen_set_callbacks(m_screen, &Callbacks::screen, this);
    vterm_screen_set_unrecognised_fallbacks(m_screen, &Callbacks::fallbacks, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    // Scrolls are merged into one moverect per flush instead of a damage call per line.
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(m_screen, 1);
    markDamage(0, m_rows);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vterm);
}

void TerminalScreen::feed(const QByteArray &bytes)
{
    m_answering = m_answersQueries;
    parse(bytes);
}

void TerminalScreen::replay(const QByteArray &bytes)
{
    m_answering = false;
    parse(bytes);
}

void TerminalScreen::parse(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    ++m_parsing;
    vterm_input_write(m_vterm, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    --m_parsing;
    Q_EMIT contentChanged();
}

void TerminalScreen::resize(int rows, int columns)
{
    rows = qMax(1, rows);
    columns = qMax(kMinimumColumns, columns);
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vterm, rows, columns);
    vterm_screen_flush_damage(m_screen);
    // libvterm 0.1.4 can leave the cursor at row -1 after a shrinking resize, and the next
    // character it prints there dereferences NULL (tests/fuzz/corpus/terminalscreen/
    // regression-libvterm-cursor-above-screen). Moving the cursor back onto the screen with
    // CUP, as a program would, avoids that and leaves everything else as it was.
    VTermPos cursor;
    vterm_state_get_cursorpos(vterm_obtain_state(m_vterm), &cursor);
    const int row = qBound(0, cursor.row, rows - 1);
    const int column = qBound(0, cursor.col, columns - 1);
    if (row != cursor.row || column != cursor.col) {
        const QByteArray moveCursor = "\x1b[" + QByteArray::number(row + 1) + ';' + QByteArray::number(column + 1) + 'H';
        vterm_input_write(m_vterm, moveCursor.constData(), size_t(moveCursor.size()));
    }
    vterm_screen_flush_damage(m_screen);
    m_cursor = QPoint(column, row);
    // Not markDamage: damage pending from the old size may lie below the new last row.
    m_damageFirst = 0;
    m_damageLast = rows;
    Q_EMIT contentChanged();
}

void TerminalScreen::markDamage(int firstRow, int lastRowExclusive)
{
    firstRow = qBound(0, firstRow, m_rows);
    lastRowExclusive = qBound(0, lastRowExclusive, m_rows);
    if (firstRow >= lastRowExclusive)
        return;
    if (m_damageFirst == m_damageLast) {
        m_damageFirst = firstRow;
        m_damageLast = lastRowExclusive;
        return;
    }
    m_damageFirst = qMin(m_damageFirst, firstRow);
    m_damageLast = qMax(m_damageLast, lastRowExclusive);
}

std::pair<int, int> TerminalScreen::takeDamage()
{
    const std::pair<int, int> damage {m_damageFirst, m_damageLast};
    m_damageFirst = m_damageLast = 0;
    return damage;
}

TerminalCell TerminalScreen::cell(int row, int column) const
{
    if (row < 0) {
        const int index = m_scrollback.size() + row;
        if (index < 0)
            return {};
        const TerminalScrollback::Line &line = m_scrollback.line(index);
        return column >= 0 && column < line.size() ? line[column] : TerminalCell {};
    }
    if (row >= m_rows || column < 0 || column >= m_columns)
        return {};
    VTermScreenCell raw;
    vterm_screen_get_cell(m_screen, VTermPos {row, column}, &raw);
    return fromVterm(raw);
}

int TerminalScreen::rowWidth(int row) const
{
    if (row >= 0)
        return m_columns;
    const int index = m_scrollback.size() + row;
    return index >= 0 ? int(m_scrollback.line(index).size()) : 0;
}

QString TerminalScreen::lineText(int row) const
{
    return text(QPoint(0, row), QPoint(m_columns - 1, row));
}

QString TerminalScreen::text(QPoint start, QPoint end) const
{
    if (end.y() < start.y() || (end.y() == start.y() && end.x() < start.x()))
        std::swap(start, end);
    QStringList lines;
    for (int row = start.y(); row <= end.y(); ++row) {
        const int from = row == start.y() ? start.x() : 0;
        const int to = qMin(row == end.y() ? end.x() : m_columns - 1, rowWidth(row) - 1);
        QString part;
        for (int column = from; column <= to; ++column) {
            const TerminalCell c = cell(row, column);
            if (c.width != 0)
                part += c.text();
        }
        while (part.endsWith(QLatin1Char(' ')))
            part.chop(1);
        lines << part;
    }
    return lines.join(QLatin1Char('\n'));
}

std::optional<TerminalScreen::Match> TerminalScreen::find(const QString &needle, QPoint from, bool backwards) const
{
    if (needle.isEmpty())
        return std::nullopt;
    const int first = -m_scrollback.size();
    const int count = m_rows + m_scrollback.size();
    const int start = qBound(first, from.y(), m_rows - 1);
    for (int step = 0; step <= count; ++step) {
        const int offset = backwards ? -step : step;
        const int row = first + ((start - first + offset) % count + count) % count;
        // The row's text and, for each character of it, the column it starts in.
        QString line;
        QList<int> columns;
        for (int column = 0; column < rowWidth(row); ++column) {
            const TerminalCell c = cell(row, column);
            if (c.width == 0)
                continue;
            const QString text = c.text();
            for (qsizetype i = 0; i < text.size(); ++i)
                columns.append(column);
            line += text;
        }
        // The first character at or after a column.
        const auto positionOf = [&columns](int column) {
            return qsizetype(std::lower_bound(columns.cbegin(), columns.cend(), column) - columns.cbegin());
        };
        const bool startRow = step == 0;
        const bool lastVisit = step == count; // the start row again, the part not searched yet
        qsizetype index = -1;
        if (backwards) {
            const qsizetype limit = startRow ? positionOf(from.x()) - 1 : line.size();
            if (limit >= 0)
                index = line.lastIndexOf(needle, limit, Qt::CaseInsensitive);
            if (lastVisit && index >= 0 && columns[index] < from.x())
                index = -1;
        } else {
            const qsizetype begin = startRow ? positionOf(from.x() + 1) : 0;
            index = line.indexOf(needle, begin, Qt::CaseInsensitive);
            if (lastVisit && index >= 0 && columns[index] > from.x())
                index = -1;
        }
        if (index >= 0) {
            const qsizetype last = index + needle.size() - 1;
            const int endColumn = columns[last] + qMax<int>(1, cell(row, columns[last]).width) - 1;
            return Match {QPoint(columns[index], row), QPoint(endColumn, row)};
        }
    }
    return std::nullopt;
}

void TerminalScreen::onOutput(const char *bytes, size_t length)
{
    const QByteArray data(bytes, qsizetype(length));
    if (m_parsing > 0) {
        if (!m_answering || !TerminalReplyFilter::allows(data)) {
            qCDebug(lcTerminal) << "dropped a reply to the program:" << data;
            return;
        }
    }
    Q_EMIT inputReady(data);
}

bool TerminalScreen::sendKey(int qtKey, Qt::KeyboardModifiers modifiers)
{
    const VTermKey key = toVtermKey(qtKey);
    if (key == VTERM_KEY_NONE)
        return false;
    if (qtKey == Qt::Key_Backtab)
        modifiers |= Qt::ShiftModifier;
    vterm_keyboard_key(m_vterm, key, toVtermModifiers(modifiers));
    return true;
}

void TerminalScreen::sendCharacter(char32_t character, Qt::KeyboardModifiers modifiers)
{
    if (modifiers & Qt::ControlModifier) {
        const char32_t lower = character >= 'A' && character <= 'Z' ? character + 32 : character;
        const int control = lower >= 'a' && lower <= 'z' && classicControlByte(lower) < 0 ? int(lower & 0x1f)
                                                                                          : classicControlByte(lower);
        if (control >= 0) {
            QByteArray bytes(1, char(control));
            if (modifiers & Qt::AltModifier)
                bytes.prepend('\x1b');
            Q_EMIT inputReady(bytes);
            return;
        }
    }
    vterm_keyboard_unichar(m_vterm, uint32_t(character), toVtermModifiers(modifiers));
}

void TerminalScreen::sendText(const QString &text)
{
    if (!text.isEmpty())
        Q_EMIT inputReady(text.toUtf8());
}

void TerminalScreen::paste(const QString &text)
{
    QString cleaned = text;
    cleaned.remove(QChar(0x1b));
    cleaned.remove(QChar(0x9b)); // the 8-bit CSI would end the bracket as well
    cleaned.replace(QStringLiteral("\r\n"), QStringLiteral("\r")).replace(QLatin1Char('\n'), QLatin1Char('\r'));
    vterm_keyboard_start_paste(m_vterm);
    sendText(cleaned);
    vterm_keyboard_end_paste(m_vterm);
}

void TerminalScreen::sendMouseButton(int row, int column, int button, bool pressed, Qt::KeyboardModifiers modifiers)
{
    if (m_mouseMode == MouseMode::None)
        return;
    vterm_mouse_move(m_vterm, row, column, toVtermModifiers(modifiers));
    vterm_mouse_button(m_vterm, button, pressed, toVtermModifiers(modifiers));
}

void TerminalScreen::sendMouseMove(int row, int column, Qt::KeyboardModifiers modifiers)
{
    if (m_mouseMode == MouseMode::None)
        return;
    vterm_mouse_move(m_vterm, row, column, toVtermModifiers(modifiers));
}

void TerminalScreen::sendFocus(bool focused)
{
    VTermState *state = vterm_obtain_state(m_vterm);
    if (focused)
        vterm_state_focus_in(state);
    else
        vterm_state_focus_out(state);
}

QString TerminalScreen::sanitisedTitle(const QByteArray &raw)
{
    const QString decoded = QString::fromUtf8(raw);
    QString title;
    title.reserve(qMin<qsizetype>(decoded.size(), 256));
    for (const QChar c : decoded) {
        // Controls and invisible format characters (bidi overrides among them) could disguise
        // a title; the zero-width joiner stays for emoji sequences.
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || (category == QChar::Other_Format && c.unicode() != 0x200d))
            continue;
        title += c;
        if (title.size() >= 256)
            break;
    }
    return title.trimmed();
}
