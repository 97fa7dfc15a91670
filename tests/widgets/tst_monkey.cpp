// SPDX-License-Identifier: MIT
// The GUI under random use (issue 11): the whole main window driven by a fixed number of random events per
// seed — clicks on enabled buttons, tabs and views, slider drags, combo and spin-box changes, Run / Pause /
// Step / Reset, lab switches, window resizes, short waits — and the test fails on a crash, a sanitizer
// report (the CI build has ASan + UBSan) or a hang (a watchdog thread aborts when the GUI thread handles
// no event for kHangSeconds). Every event is printed as it happens ("monkey seed 3 #41: click ..."), so a
// failure's output ends with the seed and the event log that led to it. Dialogs that open modally (file
// choosers, questions) are closed by a timer, as a user pressing Escape would.
// DL_MONKEY_SEEDS="1,2,3" picks the seeds (default 1), DL_MONKEY_EVENTS the events per seed (default 250).
#include "app/gui/main_window.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

namespace {

constexpr int kHangSeconds =
    60; // the GUI thread handled nothing for this long: a hang (sanitizer builds are slow)

// A watchdog on its own thread: the GUI thread's timer beats; no beat for kHangSeconds aborts the test.
class Watchdog {
  public:
    Watchdog()
    {
        m_beat.start(200);
        QObject::connect(&m_beat, &QTimer::timeout, [this] { m_last = now(); });
        m_last = now();
        m_thread = std::thread([this] {
            while (!m_stop) {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                if (now() - m_last > kHangSeconds) {
                    std::fprintf(stderr,
                                 "monkey: the GUI thread handled no event for %d s: a hang (the last "
                                 "event above led to it)\n",
                                 kHangSeconds);
                    std::fflush(stderr);
                    std::abort();
                }
            }
        });
    }
    ~Watchdog()
    {
        m_stop = true;
        m_thread.join();
    }

  private:
    static double now()
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }
    QTimer m_beat;
    std::atomic<double> m_last{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// Closes what a click opened: modal dialogs (rejected, as Escape does) and extra top-level windows.
void closeDialogs(QWidget* main)
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w == main || !w->isVisible()) continue;
        if (auto* d = qobject_cast<QDialog*>(w))
            d->reject();
        else if (w->isWindow() && !qobject_cast<QMenu*>(w))
            w->close();
    }
}

template <class T>
QList<T*> usable(QWidget* root)
{
    QList<T*> out;
    for (T* w : root->findChildren<T*>())
        if (w->isVisible() && w->isEnabled() && w->window() == root) out.push_back(w);
    return out;
}

QString describe(const QObject* o)
{
    QString s = o->metaObject()->className();
    if (!o->objectName().isEmpty()) s += " " + o->objectName();
    if (auto* b = qobject_cast<const QAbstractButton*>(o); b && !b->text().isEmpty())
        s += " \"" + b->text() + "\"";
    return s;
}

class Monkey {
  public:
    Monkey(lab::MainWindow& w, unsigned seed) : m_w(w), m_seed(seed), m_rng(seed) {}
    void run(int events)
    {
        for (m_n = 1; m_n <= events; ++m_n) {
            oneEvent();
            QTest::qWait(pick(0, 4) == 0 ? pick(50, 400) : pick(0, 30));
        }
    }

  private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    template <class T>
    T* any(const QList<T*>& l)
    {
        return l.isEmpty() ? nullptr : l[pick(0, int(l.size()) - 1)];
    }
    void log(const QString& what)
    {
        std::printf("monkey seed %u #%d: %s\n", m_seed, m_n, qPrintable(what));
        std::fflush(stdout);
    }
    void oneEvent()
    {
        switch (pick(0, 11)) {
        case 0:
        case 1:
        case 2:
            if (QAbstractButton* b = any(usable<QAbstractButton>(&m_w))) {
                log("click " + describe(b));
                QTest::mouseClick(b, Qt::LeftButton, {}, b->rect().center());
            }
            break;
        case 3:
            if (QTabBar* t = any(usable<QTabBar>(&m_w)); t && t->count() > 0) {
                const int i = pick(0, t->count() - 1);
                log(QString("tab %1 \"%2\"").arg(i).arg(t->tabText(i)));
                t->setCurrentIndex(i);
            }
            break;
        case 4:
            if (QAbstractSlider* s = any(usable<QAbstractSlider>(&m_w))) {
                const int to = pick(s->minimum(), s->maximum());
                log(QString("drag %1 to %2").arg(describe(s)).arg(to));
                s->setSliderDown(true); // a drag: several values, then the release
                for (int k = 1; k <= 4; ++k) s->setSliderPosition(s->value() + (to - s->value()) * k / 4);
                s->setSliderDown(false);
            }
            break;
        case 5:
            if (QComboBox* c = any(usable<QComboBox>(&m_w)); c && c->count() > 0) {
                const int i = pick(0, c->count() - 1);
                log(QString("combo %1 -> %2 \"%3\"").arg(describe(c)).arg(i).arg(c->itemText(i)));
                c->setCurrentIndex(i);
            }
            break;
        case 6:
            if (QAbstractSpinBox* s = any(usable<QAbstractSpinBox>(&m_w))) {
                const bool up = pick(0, 1);
                log(QString("spin %1 %2").arg(describe(s)).arg(up ? "up" : "down"));
                s->stepBy(up ? pick(1, 5) : -pick(1, 5));
            }
            break;
        case 7: {
            QAction* a[] = {m_w.runAction(), m_w.pauseAction(), m_w.stepAction(), m_w.resetAction()};
            QAction* act = a[pick(0, 3)];
            log("toolbar " + act->text() + (act->isEnabled() ? "" : " (disabled)"));
            if (act->isEnabled()) act->trigger();
            break;
        }
        case 8: {
            const int lab = pick(0, static_cast<int>(m_w.labs().size()) - 1); // every lab of the registry
            log(QString("lab %1").arg(lab));
            m_w.showLab(lab);
            break;
        }
        case 9: {
            const QSize s(pick(700, 1600), pick(500, 1000));
            log(QString("resize %1x%2").arg(s.width()).arg(s.height()));
            m_w.resize(s);
            break;
        }
        case 10:
        case 11: {
            QList<QWidget*> views;
            for (QWidget* v : usable<QWidget>(&m_w))
                if (v->findChildren<QWidget*>(Qt::FindDirectChildrenOnly).isEmpty() && v->width() > 40 &&
                    v->height() > 40)
                    views.push_back(v);
            if (QWidget* v = any(views)) {
                const QPoint p(pick(0, v->width() - 1), pick(0, v->height() - 1));
                const bool right = pick(0, 5) == 0;
                log(QString("%1 click %2 at %3,%4")
                        .arg(right ? "right" : "left")
                        .arg(describe(v))
                        .arg(p.x())
                        .arg(p.y()));
                QTest::mouseMove(v, p);
                QTest::mouseClick(v, right ? Qt::RightButton : Qt::LeftButton, {}, p);
            }
            break;
        }
        }
    }
    lab::MainWindow& m_w;
    unsigned m_seed;
    std::mt19937 m_rng;
    int m_n = 0;
};

QList<unsigned> seeds()
{
    QList<unsigned> out;
    for (const QString& s : qEnvironmentVariable("DL_MONKEY_SEEDS", "1").split(',', Qt::SkipEmptyParts))
        out.push_back(s.trimmed().toUInt());
    return out;
}

} // namespace

class TstMonkey : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("DLVisualLab-monkey");
    }
    void randomUse()
    {
        const int events = qEnvironmentVariableIntValue("DL_MONKEY_EVENTS") > 0
                               ? qEnvironmentVariableIntValue("DL_MONKEY_EVENTS")
                               : 250;
        for (unsigned seed : seeds()) {
            QSettings().clear();
            Watchdog dog;
            auto w = openWindow();
            QTimer closer;
            connect(&closer, &QTimer::timeout, w.get(), [&] { closeDialogs(w.get()); });
            closer.start(100);
            Monkey(*w, seed).run(events);
            std::printf("monkey seed %u: %d events, ", seed, events);
            closeWhileRunning(std::move(w), 200);
        }
    }
    void closingDuringARunEndsTheWorkers()
    {
        // Each lab running, then the window closed and destroyed: the worker threads stop and join (a
        // hang here is caught by the watchdog). The time is printed, not asserted (bench/ measures speed).
        for (int lab = 0;; ++lab) { // every lab of the registry
            Watchdog dog;
            auto w = openWindow();
            if (lab >= static_cast<int>(w->labs().size())) break;
            w->showLab(lab);
            QTest::qWait(w->currentLab()->id() == "images" ? 4000 : 1500); // it loads Fashion-MNIST first
            std::printf("monkey: lab %d ", lab);
            closeWhileRunning(std::move(w), 1500);
        }
    }

  private:
    static std::unique_ptr<lab::MainWindow> openWindow()
    {
        auto w = std::make_unique<lab::MainWindow>();
        w->resize(1300, 850);
        w->show();
        return w;
    }
    // Run, let it work for `ms`, then close and destroy the window, printing how long that took.
    static void closeWhileRunning(std::unique_ptr<lab::MainWindow> w, int ms)
    {
        w->runAction()->trigger();
        QTest::qWait(ms);
        QElapsedTimer t;
        t.start();
        w->close();
        w.reset();
        std::printf("closed during a run in %lld ms\n", t.elapsed());
    }
};

QTEST_MAIN(TstMonkey)
#include "tst_monkey.moc"
