// SPDX-License-Identifier: MIT
// The GUI boundary: an exception that escapes an event handler (not a dl::Error: std::out_of_range, as a
// too-large CSV label once threw) becomes one sentence and the event loop keeps running (issue 11).
#include "core/util/error.h"
#include "widgets/guarded_application.h"

#include <QSignalSpy>
#include <QtTest>

#include <stdexcept>

namespace {
// Throws std::out_of_range (what std::stol threw for a too-large CSV label) for QEvent::User and counts the
// events of type User + 1 it receives afterwards.
class Thrower : public QObject {
  public:
    int handled = 0;
    bool event(QEvent* e) override
    {
        if (e->type() == QEvent::User) throw std::out_of_range("stol");
        if (e->type() == QEvent::Type(QEvent::User + 1)) return ++handled, true;
        return QObject::event(e);
    }
};
} // namespace

class TstGuardedApplication : public QObject {
    Q_OBJECT
  private slots:
    void escapedExceptionBecomesOneSentence()
    {
        // A posted event (as the workers' queued signals are): Qt Core's event queue owns and frees it, so
        // the throw leaks nothing. (Widgets is built without exceptions: a throw through its frames is caught
        // the same way, but the event object it was handling may leak; the guard is the last resort.)
        auto* app = qobject_cast<lab::GuardedApplication*>(QCoreApplication::instance());
        QVERIFY(app);
        QSignalSpy spy(app, &lab::GuardedApplication::uncaught);
        Thrower t;
        QCoreApplication::postEvent(&t, new QEvent(QEvent::User));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
        QCOMPARE(spy.at(0).at(0).toString(),
                 QString("Something went wrong inside the app (stol); nothing was "
                         "changed, and you can keep working."));
        QCoreApplication::postEvent(&t, new QEvent(QEvent::Type(QEvent::User + 1))); // the loop goes on
        QTRY_COMPARE_WITH_TIMEOUT(t.handled, 1, 5000);
        QCOMPARE(spy.count(), 1);
    }
    void coreErrorsKeepTheirOwnSentence()
    {
        const dl::DataError e("pts.csv", 3, "the label column is empty.");
        QCOMPARE(lab::GuardedApplication::sentenceFor(e),
                 QString("pts.csv, line 3: the label column is empty."));
        QVERIFY(lab::GuardedApplication::sentenceFor(std::bad_alloc()).contains("more memory"));
    }
};

int main(int argc, char** argv)
{
    lab::GuardedApplication app(argc, argv);
    TstGuardedApplication t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_guarded_application.moc"
