// SPDX-License-Identifier: MIT
// The GUI boundary: an exception that escapes an event handler (not a dl::Error: std::out_of_range, as a
// too-large CSV label once threw) becomes one sentence and the event loop keeps running (issue 11).
#include "core/util/error.h"
#include "widgets/guarded_application.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <stdexcept>

class TstGuardedApplication : public QObject {
    Q_OBJECT
  private slots:
    void escapedExceptionBecomesOneSentence()
    {
        auto* app = qobject_cast<lab::GuardedApplication*>(QCoreApplication::instance());
        QVERIFY(app);
        QSignalSpy spy(app, &lab::GuardedApplication::uncaught);
        QPushButton button("throw");
        int clicks = 0;
        connect(&button, &QPushButton::clicked, this, [&] {
            if (++clicks == 1) throw std::out_of_range("stol");
        });
        button.show();
        QTest::mouseClick(&button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
        QCOMPARE(spy.at(0).at(0).toString(),
                 QString("Something went wrong inside the app (stol); nothing was "
                         "changed, and you can keep working."));
        QTest::mouseClick(&button, Qt::LeftButton); // the event loop still delivers clicks
        QCOMPARE(clicks, 2);
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
