// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TerminalCell.h"
#include "TerminalScrollback.h"

#include <QObject>
#include <QPoint>

#include <optional>

struct VTerm;
struct VTermScreen;

/// The terminal's state, without any widget: libvterm parses the program's output into a cell
/// grid; this adds scrollback, a sanitised title, a reply filter and the input encoders.
/// Rows are numbered from -scrollbackSize() (oldest kept line) to rows() - 1; 0 is the top
/// of the screen.
class TerminalScreen : public QObject
{
    Q_OBJECT

public:
    enum class CursorShape { Block, Underline, Bar };
    enum class MouseMode { None, Click, Drag, Move };

    static constexpr int kDefaultScrollback = 10000;
    /// libvterm 0.1.4 dereferences NULL printing a wide character on a one-column screen, so a
    /// screen is never narrower than this, however small its view.
    static constexpr int kMinimumColumns = 2;

    TerminalScreen(int rows, int columns, int scrollbackLines = kDefaultScrollback, QObject *parent = nullptr);
    ~TerminalScreen() override;

    /// Output of the live program; harmless query answers go back through inputReady().
    void feed(const QByteArray &bytes);
    /// Earlier output (a session log): parsed the same way, but nothing is answered.
    void replay(const QByteArray &bytes);
    void resize(int rows, int columns);
    /// Off for all but one of several views of one program, so queries are answered once.
    void setAnswersQueries(bool answers) { m_answersQueries = answers; }

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    int scrollbackSize() const { return m_scrollback.size(); }
    /// Lines pushed into scrollback since creation (dropped ones included): anchors selections.
    qint64 linesScrolledOff() const { return m_linesScrolledOff; }
    TerminalCell cell(int row, int column) const;
    /// The row's text with trailing blanks removed; wide characters appear once.
    QString lineText(int row) const;
    /// Text from @p start to @p end inclusive (x = column, y = row), lines joined by '\n'.
    QString text(QPoint start, QPoint end) const;

    struct Match
    {
        QPoint start; ///< first cell of the match
        QPoint end;   ///< last cell of the match
    };
    /// Case-insensitive search through scrollback and screen, starting after (or, backwards,
    /// before) @p from and wrapping around once.
    std::optional<Match> find(const QString &needle, QPoint from, bool backwards) const;

    QPoint cursor() const { return m_cursor; }
    bool cursorVisible() const { return m_cursorVisible; }
    bool cursorBlinks() const { return m_cursorBlinks; }
    CursorShape cursorShape() const { return m_cursorShape; }
    bool isAlternateScreen() const { return m_alternateScreen; }
    bool isReverseVideo() const { return m_reverseVideo; }
    MouseMode mouseMode() const { return m_mouseMode; }
    QString title() const { return m_title; }
    /// The dirty row span since the last call (first, last exclusive); {0, 0} when clean.
    std::pair<int, int> takeDamage();

    /// Keys that are not text (arrows, F1-F12, Home, ...); false when @p qtKey is none of them.
    bool sendKey(int qtKey, Qt::KeyboardModifiers modifiers);
    void sendCharacter(char32_t character, Qt::KeyboardModifiers modifiers);
    void sendText(const QString &text);
    /// Wrapped in bracketed-paste markers when the program enabled them; ESC is stripped first
    /// so pasted text cannot end the bracket early.
    void paste(const QString &text);
    /// button: 1 left, 2 middle, 3 right, 4/5 wheel. Sends nothing unless the program asked.
    void sendMouseButton(int row, int column, int button, bool pressed, Qt::KeyboardModifiers modifiers);
    void sendMouseMove(int row, int column, Qt::KeyboardModifiers modifiers);
    void sendFocus(bool focused);

    static QString sanitisedTitle(const QByteArray &raw);

Q_SIGNALS:
    /// Bytes for the program: typed keys, pastes, mouse reports and allowed query answers.
    void inputReady(const QByteArray &bytes);
    void contentChanged();
    void titleChanged(const QString &title);
    void bell();

private:
    struct Callbacks;

    void parse(const QByteArray &bytes);
    int rowWidth(int row) const;
    void markDamage(int firstRow, int lastRowExclusive);
    void onOutput(const char *bytes, size_t length);

    VTerm *m_vterm = nullptr;
    VTermScreen *m_screen = nullptr;
    TerminalScrollback m_scrollback;
    qint64 m_linesScrolledOff = 0;
    int m_rows;
    int m_columns;
    QPoint m_cursor;
    bool m_cursorVisible = true;
    bool m_cursorBlinks = true;
    CursorShape m_cursorShape = CursorShape::Block;
    bool m_alternateScreen = false;
    bool m_reverseVideo = false;
    MouseMode m_mouseMode = MouseMode::None;
    QString m_title;
    int m_damageFirst = 0;
    int m_damageLast = 0;
    int m_parsing = 0;
    bool m_answering = true;
    bool m_answersQueries = true;
};
