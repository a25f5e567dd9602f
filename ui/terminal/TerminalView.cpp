// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalView.h"

#include "TerminalKeyMap.h"
#include "TerminalScreen.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleHints>

namespace {

bool isWordCharacter(const TerminalCell &cell)
{
    if (cell.character == 0)
        return false;
    const QString text = cell.text();
    const QChar c = text.front();
    // Paths and URLs select as one word, as in GNOME Terminal.
    return c.isLetterOrNumber() || QStringLiteral("-_./~:@%+#?=&").contains(c) || c.unicode() > 0x2e80;
}

} // namespace

TerminalView::TerminalView(TerminalScreen *screen, QWidget *parent) : QWidget(parent), m_screen(screen)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled);
    setMouseTracking(true);
    setCursor(Qt::IBeamCursor);
    updateFont();

    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(kFrameMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &TerminalView::flushFrame);
    m_blinkTimer.setInterval(QApplication::cursorFlashTime() > 0 ? QApplication::cursorFlashTime() / 2 : 500);
    connect(&m_blinkTimer, &QTimer::timeout, this, [this] {
        m_blinkOn = !m_blinkOn;
        const QPoint cursor = m_screen->cursor();
        update(QRect((cursor.x() - 1) * m_cellSize.width(), (cursor.y() + m_scrollOffset) * m_cellSize.height(),
                     3 * m_cellSize.width(), m_cellSize.height()));
    });
    connect(m_screen, &TerminalScreen::contentChanged, this, &TerminalView::onContentChanged);
    m_lastScrolledOff = m_screen->linesScrolledOff();
}

void TerminalView::updateFont()
{
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_font.setStyleHint(QFont::TypeWriter);
    m_font.setKerning(false);
    m_boldFont = m_font;
    m_boldFont.setBold(true);
    m_italicFont = m_font;
    m_italicFont.setItalic(true);
    m_boldItalicFont = m_boldFont;
    m_boldItalicFont.setItalic(true);
    const QFontMetrics metrics(m_font);
    m_cellSize = QSize(qMax(1, metrics.horizontalAdvance(QLatin1Char('M'))), qMax(1, metrics.height()));
    m_ascent = metrics.ascent();
    setFont(m_font);
}

void TerminalView::onContentChanged()
{
    // Keep the lines a reader scrolled back to in place while output keeps coming.
    const qint64 scrolledOff = m_screen->linesScrolledOff();
    if (m_scrollOffset > 0 && scrolledOff != m_lastScrolledOff) {
        m_scrollOffset = int(qBound(qint64(0), m_scrollOffset + scrolledOff - m_lastScrolledOff, qint64(m_screen->scrollbackSize())));
        m_fullRepaint = true;
        Q_EMIT scrollOffsetChanged(m_scrollOffset);
    } else if (scrolledOff != m_lastScrolledOff && hasSelection()) {
        m_fullRepaint = true;
    }
    m_lastScrolledOff = scrolledOff;
    if (!m_frameTimer.isActive())
        m_frameTimer.start();
}

void TerminalView::flushFrame()
{
    const auto [first, last] = m_screen->takeDamage();
    if (m_fullRepaint || m_scrollOffset > 0) {
        update();
    } else if (first < last) {
        update(QRect(0, first * m_cellSize.height(), width(), (last - first) * m_cellSize.height()));
    }
    m_fullRepaint = false;
}

void TerminalView::setScrollOffset(int lines)
{
    lines = qBound(0, lines, m_screen->scrollbackSize());
    if (lines == m_scrollOffset)
        return;
    m_scrollOffset = lines;
    m_fullRepaint = true;
    update();
    Q_EMIT scrollOffsetChanged(lines);
}

qint64 TerminalView::absoluteRow(int screenRow) const
{
    return m_screen->linesScrolledOff() + screenRow;
}

int TerminalView::screenRow(qint64 absoluteRow) const
{
    return int(absoluteRow - m_screen->linesScrolledOff());
}

QPoint TerminalView::cellAt(QPointF position) const
{
    const int column = qBound(0, int(position.x()) / m_cellSize.width(), m_screen->columns() - 1);
    const int row = qBound(0, int(position.y()) / m_cellSize.height(), m_screen->rows() - 1);
    return QPoint(column, row - m_scrollOffset);
}

void TerminalView::paintEvent(QPaintEvent *event)
{
    ++m_paintCount;
    QPainter painter(this);
    painter.fillRect(event->rect(), m_palette.defaultBackground());
    const int firstRow = qMax(0, event->rect().top() / m_cellSize.height());
    const int lastRow = qMin(m_screen->rows() - 1, event->rect().bottom() / m_cellSize.height());
    for (int row = firstRow; row <= lastRow; ++row)
        paintRow(painter, row);
    paintCursor(painter);
}

void TerminalView::paintRow(QPainter &painter, int viewRow)
{
    const int row = viewRow - m_scrollOffset;
    const int y = viewRow * m_cellSize.height();
    const int columns = m_screen->columns();
    const bool screenReversed = m_screen->isReverseVideo();
    int column = 0;
    while (column < columns) {
        const TerminalCell cell = m_screen->cell(row, column);
        if (cell.width == 0) {
            ++column;
            continue;
        }
        // A run: following cells with the same look, drawn with one drawText.
        QString text = cell.text();
        int span = cell.width;
        const bool selected = isSelected(row, column);
        if (cell.width == 1) {
            while (column + span < columns) {
                const TerminalCell next = m_screen->cell(row, column + span);
                if (next.width != 1 || next.foreground != cell.foreground || next.background != cell.background
                    || next.attributes != cell.attributes || isSelected(row, column + span) != selected)
                    break;
                text += next.text();
                ++span;
            }
        }
        QColor foreground = m_palette.foreground(cell.foreground, cell.has(TerminalCell::Bold));
        QColor background = m_palette.background(cell.background);
        if (cell.has(TerminalCell::Reverse) != screenReversed)
            std::swap(foreground, background);
        if (selected)
            background = m_palette.selection();
        const QRect rect(column * m_cellSize.width(), y, span * m_cellSize.width(), m_cellSize.height());
        if (background != m_palette.defaultBackground())
            painter.fillRect(rect, background);
        const bool blank = text.trimmed().isEmpty();
        if (!blank) {
            const bool bold = cell.has(TerminalCell::Bold);
            const bool italic = cell.has(TerminalCell::Italic);
            painter.setFont(bold && italic ? m_boldItalicFont : bold ? m_boldFont : italic ? m_italicFont : m_font);
            painter.setPen(foreground);
            if (span == text.size() || cell.width == 2) {
                painter.drawText(rect.x(), y + m_ascent, text);
            } else {
                // Combining marks make the text longer than its cells: place each cell itself.
                for (int i = 0; i < span; ++i)
                    painter.drawText(rect.x() + i * m_cellSize.width(), y + m_ascent,
                                     m_screen->cell(row, column + i).text());
            }
        }
        if (cell.has(TerminalCell::Underline))
            painter.fillRect(rect.x(), y + m_ascent + 2, rect.width(), 1, foreground);
        if (cell.has(TerminalCell::Strike))
            painter.fillRect(rect.x(), y + m_cellSize.height() / 2, rect.width(), 1, foreground);
        column += span;
    }
}

void TerminalView::paintCursor(QPainter &painter)
{
    if (!m_screen->cursorVisible())
        return;
    const QPoint cursor = m_screen->cursor();
    const int viewRow = cursor.y() + m_scrollOffset;
    if (viewRow >= m_screen->rows())
        return;
    const bool focused = hasFocus();
    if (focused && m_screen->cursorBlinks() && !m_blinkOn)
        return;
    const TerminalCell cell = m_screen->cell(cursor.y(), cursor.x());
    const QRect rect(cursor.x() * m_cellSize.width(), viewRow * m_cellSize.height(),
                     qMax<int>(1, cell.width) * m_cellSize.width(), m_cellSize.height());
    const QColor color = m_palette.defaultForeground();
    if (!focused) {
        painter.setPen(color);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
        return;
    }
    switch (m_screen->cursorShape()) {
    case TerminalScreen::CursorShape::Underline:
        painter.fillRect(rect.x(), rect.bottom() - 1, rect.width(), 2, color);
        break;
    case TerminalScreen::CursorShape::Bar:
        painter.fillRect(rect.x(), rect.y(), 2, rect.height(), color);
        break;
    case TerminalScreen::CursorShape::Block:
        painter.fillRect(rect, color);
        painter.setPen(m_palette.defaultBackground());
        painter.setFont(m_font);
        painter.drawText(rect.x(), rect.y() + m_ascent, cell.text());
        break;
    }
}

void TerminalView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int rows = qMax(1, height() / m_cellSize.height());
    const int columns = qMax(1, width() / m_cellSize.width());
    if (rows == m_screen->rows() && columns == m_screen->columns())
        return;
    m_screen->resize(rows, columns);
    m_scrollOffset = qMin(m_scrollOffset, m_screen->scrollbackSize());
    m_lastScrolledOff = m_screen->linesScrolledOff();
    m_fullRepaint = true;
    Q_EMIT gridSizeChanged(rows, columns);
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier);
    if (modifiers == Qt::ShiftModifier) {
        const int page = qMax(1, m_screen->rows() - 1);
        switch (event->key()) {
        case Qt::Key_PageUp: setScrollOffset(m_scrollOffset + page); return;
        case Qt::Key_PageDown: setScrollOffset(m_scrollOffset - page); return;
        case Qt::Key_Home: setScrollOffset(m_screen->scrollbackSize()); return;
        case Qt::Key_End: setScrollOffset(0); return;
        default: break;
        }
    }
    if (TerminalKeyMap::forward(*event, *m_screen)) {
        scrollToBottom();
        m_blinkOn = true;
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    if (!event->commitString().isEmpty()) {
        m_screen->sendText(event->commitString());
        scrollToBottom();
    }
    event->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    if (query == Qt::ImCursorRectangle) {
        const QPoint cursor = m_screen->cursor();
        return QRect(cursor.x() * m_cellSize.width(), (cursor.y() + m_scrollOffset) * m_cellSize.height(),
                     m_cellSize.width(), m_cellSize.height());
    }
    return QWidget::inputMethodQuery(query);
}

bool TerminalView::reportsMouse(const QMouseEvent *event) const
{
    // Shift forces local selection, as in xterm.
    return m_screen->mouseMode() != TerminalScreen::MouseMode::None && !(event->modifiers() & Qt::ShiftModifier);
}

namespace {

int vtermButton(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton: return 1;
    case Qt::MiddleButton: return 2;
    case Qt::RightButton: return 3;
    default: return 0;
    }
}

} // namespace

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position());
    if (reportsMouse(event)) {
        if (const int button = vtermButton(event->button()))
            m_screen->sendMouseButton(cell.y(), cell.x(), button, true, event->modifiers());
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    const bool tripleClick = m_lastDoubleClick.isValid()
                             && m_lastDoubleClick.elapsed() < QApplication::styleHints()->mouseDoubleClickInterval();
    m_anchor = toRef(cell);
    m_selecting = true;
    if (tripleClick) {
        m_lastDoubleClick.invalidate();
        m_selectionMode = SelectionMode::Lines;
        extendSelection(cell);
        return;
    }
    clearSelection();
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (reportsMouse(event) || event->button() != Qt::LeftButton) {
        mousePressEvent(event);
        return;
    }
    m_lastDoubleClick.start();
    const QPoint cell = cellAt(event->position());
    m_anchor = toRef(cell);
    m_selecting = true;
    m_selectionMode = SelectionMode::Words;
    extendSelection(cell);
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position());
    if (reportsMouse(event)) {
        m_screen->sendMouseMove(cell.y(), cell.x(), event->modifiers());
        return;
    }
    if (!m_selecting || !(event->buttons() & Qt::LeftButton))
        return;
    if (m_selectionMode == SelectionMode::None)
        m_selectionMode = SelectionMode::Cells;
    // Dragging past the top or bottom edge scrolls.
    if (event->position().y() < 0)
        setScrollOffset(m_scrollOffset + 1);
    else if (event->position().y() > height())
        setScrollOffset(m_scrollOffset - 1);
    extendSelection(cell);
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    if (reportsMouse(event)) {
        const QPoint cell = cellAt(event->position());
        if (const int button = vtermButton(event->button()))
            m_screen->sendMouseButton(cell.y(), cell.x(), button, false, event->modifiers());
        return;
    }
    m_selecting = false;
    if (hasSelection() && QApplication::clipboard()->supportsSelection())
        QApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalView::extendSelection(QPoint cell)
{
    CellRef start = qMin(m_anchor, toRef(cell));
    CellRef end = qMax(m_anchor, toRef(cell));
    if (m_selectionMode == SelectionMode::Words) {
        const int startRow = screenRow(start.row);
        while (start.column > 0 && isWordCharacter(m_screen->cell(startRow, start.column - 1))
               && isWordCharacter(m_screen->cell(startRow, start.column)))
            --start.column;
        const int endRow = screenRow(end.row);
        while (end.column < m_screen->columns() - 1 && isWordCharacter(m_screen->cell(endRow, end.column + 1))
               && isWordCharacter(m_screen->cell(endRow, end.column)))
            ++end.column;
        if (m_screen->cell(endRow, end.column).width == 2)
            ++end.column;
    } else if (m_selectionMode == SelectionMode::Lines) {
        start.column = 0;
        end.column = m_screen->columns() - 1;
    }
    setSelection(start, end);
}

void TerminalView::setSelection(CellRef start, CellRef end)
{
    if (m_selectionMode == SelectionMode::None)
        m_selectionMode = SelectionMode::Cells;
    m_selectionStart = start;
    m_selectionEnd = end;
    m_fullRepaint = true;
    update();
    Q_EMIT selectionChanged();
}

void TerminalView::select(QPoint start, QPoint end)
{
    m_selectionMode = SelectionMode::Cells;
    setSelection(toRef(start), toRef(end));
    // Bring the selection into view, roughly centred.
    if (start.y() < -m_scrollOffset || start.y() >= m_screen->rows() - m_scrollOffset)
        setScrollOffset(qMax(0, -start.y() + m_screen->rows() / 2));
}

void TerminalView::clearSelection()
{
    if (m_selectionMode == SelectionMode::None)
        return;
    m_selectionMode = SelectionMode::None;
    m_fullRepaint = true;
    update();
    Q_EMIT selectionChanged();
}

QPoint TerminalView::selectionStart() const
{
    if (!hasSelection())
        return QPoint(0, -m_scrollOffset);
    return QPoint(m_selectionStart.column, screenRow(m_selectionStart.row));
}

bool TerminalView::isSelected(int row, int column) const
{
    if (!hasSelection())
        return false;
    const CellRef cell = toRef(QPoint(column, row));
    return m_selectionStart <= cell && cell <= m_selectionEnd;
}

QString TerminalView::selectedText() const
{
    if (!hasSelection())
        return {};
    return m_screen->text(QPoint(m_selectionStart.column, screenRow(m_selectionStart.row)),
                          QPoint(m_selectionEnd.column, screenRow(m_selectionEnd.row)));
}

void TerminalView::wheelEvent(QWheelEvent *event)
{
    const int notches = event->angleDelta().y() / 120;
    if (notches == 0)
        return;
    const QPoint cell = cellAt(event->position());
    if (m_screen->mouseMode() != TerminalScreen::MouseMode::None && !(event->modifiers() & Qt::ShiftModifier)) {
        for (int i = 0; i < qAbs(notches); ++i)
            m_screen->sendMouseButton(cell.y(), cell.x(), notches > 0 ? 4 : 5, true, event->modifiers());
    } else if (m_screen->isAlternateScreen()) {
        // Full-screen programs (less, vim) have no scrollback: the wheel moves them instead.
        for (int i = 0; i < 3 * qAbs(notches); ++i)
            m_screen->sendKey(notches > 0 ? Qt::Key_Up : Qt::Key_Down, Qt::NoModifier);
    } else {
        setScrollOffset(m_scrollOffset + 3 * notches);
    }
    event->accept();
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    m_screen->sendFocus(true);
    m_blinkOn = true;
    m_blinkTimer.start();
    update();
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    m_screen->sendFocus(false);
    m_blinkTimer.stop();
    m_blinkOn = true;
    update();
}

bool TerminalView::focusNextPrevChild(bool)
{
    return false; // Tab belongs to the program
}
