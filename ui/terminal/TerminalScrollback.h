// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TerminalCell.h"

#include <QList>

#include <vector>

/// Lines that scrolled off the top of the screen, oldest dropped first once full.
class TerminalScrollback
{
public:
    using Line = QList<TerminalCell>;

    explicit TerminalScrollback(int capacity);

    int capacity() const { return m_capacity; }
    int size() const { return m_size; }
    /// 0 is the oldest line kept, size() - 1 the newest.
    const Line &line(int index) const;
    void push(Line line);
    /// Removes and returns the newest line (the screen grows and takes it back).
    Line popNewest();
    void clear();

private:
    int slot(int index) const { return (m_first + index) % m_capacity; }

    std::vector<Line> m_lines;
    int m_capacity;
    int m_first = 0;
    int m_size = 0;
};
