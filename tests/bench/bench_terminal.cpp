// SPDX-License-Identifier: GPL-3.0-or-later
// Terminal throughput and input latency, driven by tests/bench/bench_terminal.sh.
//   bench_terminal --generate FILE MB   writes the mixed, colourful flood file
//   bench_terminal FILE                 cats FILE through a real PTY into a shown TerminalWidget
// Prints one line: "bytes=N ms=T mbps=R latency_median_ms=M latency_max_ms=X stall_ms=S".
#include "TerminalFlood.h"
#include "pty/UnixPty.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalView.h"
#include "terminal/TerminalWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QKeyEvent>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    if (argc == 4 && QByteArrayView(argv[1]) == "--generate")
        return TerminalFlood::writeFile(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong() * 1000000) ? 0 : 1;
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_terminal FILE | --generate FILE MB\n");
        return 2;
    }
    QApplication app(argc, argv);
    const QString file = QString::fromLocal8Bit(argv[1]);
    const qint64 size = QFileInfo(file).size();

    TerminalWidget widget;
    widget.resize(1000, 640);
    widget.show();
    UnixPty pty;
    widget.attach(&pty);

    QElapsedTimer clock;
    qint64 finishedAt = -1;
    QObject::connect(&pty, &Pty::finished, &app, [&] {
        finishedAt = clock.elapsed();
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });

    // Input latency: a key press posted like a real one, until its bytes go to the program.
    std::vector<double> latencies;
    QElapsedTimer keyClock;
    bool keyPending = false;
    QObject::connect(widget.screen(), &TerminalScreen::inputReady, &app, [&](const QByteArray &) {
        if (keyPending) {
            latencies.push_back(double(keyClock.nsecsElapsed()) / 1e6);
            keyPending = false;
        }
    });
    QTimer typist;
    typist.setInterval(50);
    QObject::connect(&typist, &QTimer::timeout, &app, [&] {
        if (keyPending)
            return;
        keyPending = true;
        keyClock.start();
        QCoreApplication::postEvent(widget.view(), new QKeyEvent(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier));
    });
    QElapsedTimer sinceTick;
    qint64 stall = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        if (sinceTick.isValid())
            stall = qMax(stall, sinceTick.elapsed());
        sinceTick.restart();
    });

    QTimer::singleShot(300, &app, [&] { // let the window map first
        PtyStartOptions options;
        options.program = QStringLiteral("cat");
        options.arguments = {file};
        options.rows = widget.screen()->rows();
        options.columns = widget.screen()->columns();
        clock.start();
        if (const Result<void> started = pty.start(options); !started) {
            std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
            QCoreApplication::exit(1);
        }
        typist.start();
        heartbeat.start();
    });
    if (app.exec() != 0 || finishedAt < 0)
        return 1;
    std::sort(latencies.begin(), latencies.end());
    const double median = latencies.empty() ? -1 : latencies[latencies.size() / 2];
    const double worst = latencies.empty() ? -1 : latencies.back();
    std::printf("bytes=%lld ms=%lld mbps=%.1f latency_median_ms=%.1f latency_max_ms=%.1f latency_samples=%zu stall_ms=%lld\n",
                size, finishedAt, double(size) / 1e6 / (double(finishedAt) / 1000.0), median, worst, latencies.size(), stall);
    return 0;
}
