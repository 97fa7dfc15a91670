// SPDX-License-Identifier: MIT
// The GUI boundary for exceptions: an event handler that throws (a core check, std::out_of_range from a
// library, std::bad_alloc) must not abort the app through Qt's event loop. notify() catches what escapes a
// handler and hands it over as one sentence; the app keeps running (issue 11).
#pragma once
#include <QApplication>

namespace lab {

class GuardedApplication : public QApplication {
    Q_OBJECT
  public:
    GuardedApplication(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;
    // The sentence shown for an exception that escaped an event handler.
    static QString sentenceFor(const std::exception& e);

  signals:
    void uncaught(const QString& sentence); // queued: emitted after the throwing handler unwound
};

} // namespace lab
