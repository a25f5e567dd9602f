// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TerminalPalette.h"

#include <QElapsedTimer>
#include <QFont>
#include <QTimer>
#include <QWidget>

class TerminalScreen;

/// Paints a TerminalScreen and forwards keys, mouse and wheel to it. Owns only view state:
/// the scroll position in scrollback and the selection. Repaints are coalesced to at most
/// one per frame however fast output arrives.
class TerminalView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kFrameMs = 16;

    explicit TerminalView(TerminalScreen *screen, QWidget *parent = nullptr);

    TerminalScreen *screen() const { return m_screen; }
    QSize cellSize() const { return m_cellSize; }
    /// Lines scrolled back into history; 0 shows the live screen.
    int scrollOffset() const { return m_scrollOffset; }
    void setScrollOffset(int lines);
    void scrollToBottom() { setScrollOffset(0); }

    bool hasSelection() const { return m_selectionMode != SelectionMode::None; }
    QString selectedText() const;
    /// Selects cells in screen rows (negative rows are scrollback) and scrolls them into view.
    void select(QPoint start, QPoint end);
    void clearSelection();
    /// The selection's first cell in screen rows; (0, offset top) when nothing is selected.
    QPoint selectionStart() const;

    int paintCount() const { return m_paintCount; }

Q_SIGNALS:
    void gridSizeChanged(int rows, int columns);
    void scrollOffsetChanged(int lines);
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    enum class SelectionMode { None, Cells, Words, Lines };

    void onContentChanged();
    void flushFrame();
    void paintRow(QPainter &painter, int viewRow);
    void paintCursor(QPainter &painter);
    /// The cell under a widget position, in screen rows.
    QPoint cellAt(QPointF position) const;
    qint64 absoluteRow(int screenRow) const;
    int screenRow(qint64 absoluteRow) const;
    bool isSelected(int screenRow, int column) const;
    void extendSelection(QPoint cell);
    bool reportsMouse(const QMouseEvent *event) const;
    void updateFont();

    TerminalScreen *m_screen;
    TerminalPalette m_palette;
    QFont m_font;
    QFont m_boldFont;
    QFont m_italicFont;
    QFont m_boldItalicFont;
    QSize m_cellSize {8, 16};
    int m_ascent = 12;
    int m_scrollOffset = 0;
    qint64 m_lastScrolledOff = 0;

    QTimer m_frameTimer;
    QTimer m_blinkTimer;
    bool m_blinkOn = true;
    bool m_fullRepaint = true;
    int m_paintCount = 0;

    // A cell as (absolute row, column): absolute rows stay put while output scrolls.
    struct CellRef
    {
        qint64 row = 0;
        int column = 0;
        auto operator<=>(const CellRef &) const = default;
    };
    CellRef toRef(QPoint cell) const { return {absoluteRow(cell.y()), cell.x()}; }
    void setSelection(CellRef start, CellRef end);

    SelectionMode m_selectionMode = SelectionMode::None;
    CellRef m_anchor;
    CellRef m_selectionStart;
    CellRef m_selectionEnd;
    bool m_selecting = false;
    QElapsedTimer m_lastDoubleClick;
    int m_mouseButtonsDown = 0;
};
