// SPDX-License-Identifier: MIT
// The training-dynamics lab's dlcli race: the course's optimisers on Rosenbrock from (−1.5, 2) — Adam ends
// nearer the minimum than GD and Momentum at the α that keeps GD on the plane; the JSON's keys; GD leaving the
// plane said so; bad options one sentence each. And the claim on the course's moons setup through
// dlcli compare: Adam's train accuracy at least 5 points above GD's and Momentum's, deterministically.
#include "tests/run_cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TstDynamicsCli : public QObject {
    Q_OBJECT
    static dltest::CliResult run(const QStringList& args) { return dltest::runCli(DLCLI_PATH, args); }

  private slots:
    void raceOnRosenbrock()
    {
        const dltest::CliResult r = run({"race", "--surface", "rosenbrock", "--start", "-1.5,2", "--optimizers",
                                         "gd,momentum,adam", "--iterations", "500", "--lr",
                                         "gd:0.001,momentum:0.001,adam:0.05", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["surface"].toString(), QString("rosenbrock"));
        QCOMPARE(j["iterations"].toInt(), 500);
        QCOMPARE(j["start"].toArray()[0].toDouble(), -1.5);
        const QJsonArray o = j["optimizers"].toArray();
        QCOMPARE(o.size(), 3);
        QCOMPARE(o[2].toObject()["optimizer"].toString(), QString("adam"));
        QCOMPARE(o[2].toObject()["lr"].toDouble(), double(0.05f));
        for (const QJsonValue& v : o) QVERIFY(!v.toObject()["diverged"].toBool());
        // At α 0.001 GD and Momentum crawl along the curved valley; Adam's per-axis steps get round it.
        const double gd = o[0].toObject()["loss"].toDouble(), adam = o[2].toObject()["loss"].toDouble();
        QVERIFY2(adam < gd / 10, qPrintable(QString("adam %1, gd %2").arg(adam).arg(gd)));
        // The text form names each optimiser's end; the same race twice gives the same numbers.
        const dltest::CliResult t = run({"race", "--surface", "valley", "--kappa", "10", "--lr", "0.3",
                                         "--optimizers", "gd,momentum", "--iterations", "100"});
        QCOMPARE(t.exitCode, 0);
        QVERIFY2(t.out.contains("gd") && t.out.contains("diverged: left the plane"), t.out.constData());
        QVERIFY(t.out.contains("within 1e-3 of the minimum's loss from step")); // Momentum converges there
        QCOMPARE(run({"race", "--surface", "valley", "--kappa", "10", "--lr", "0.3", "--optimizers", "gd,momentum",
                      "--iterations", "100"}).out, t.out);
    }

    void logisticOnFashionMnist()
    {
        // The loss of σ(w·x + b) on Fashion-MNIST's sneakers and ankle boots, x the image's mean ink, not
        // normalised: a long narrow valley. In 1000 steps RMSprop and Adam (α 0.2) come within 1e-3 of the
        // minimum's loss; GD at α 2 (stable: the Hessian's largest eigenvalue is about 0.3) does not.
        const dltest::CliResult r = run({"race", "--surface", "logistic", "--optimizers", "gd,adam", "--iterations",
                                         "1000", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray o = QJsonDocument::fromJson(r.out).object()["optimizers"].toArray();
        QCOMPARE(o.size(), 2);
        QVERIFY(!o[0].toObject()["diverged"].toBool());
        QVERIFY2(o[0].toObject()["reached_minimum_at"].toInt() == -1, r.out.constData());
        QVERIFY2(o[1].toObject()["reached_minimum_at"].toInt() > 0, r.out.constData());
    }

    void adamAheadOnTheCoursesMoons()
    {
        // The course's optimisation lab (COURSE.md §4): 300 moons points, all trained on, 5-2-1 ReLU, He, α
        // 0.0007, batch 64, 10 000 epochs; it reports train accuracy. Adam at least 5 points above GD and
        // Momentum (here 95.7 against 90.3 and 90.3), the same numbers twice (the seed fixes the weights, the
        // batches and the data).
        const QStringList args{"compare", "--vary", "optimizer", "--values", "gd,momentum,adam", "--dataset",
                               "moons", "--hidden", "5,2", "--activation", "relu", "--init", "he", "--lr",
                               "0.0007", "--epochs", "10000", "--batch", "64", "--seed", "3", "--dev", "0", "--json"};
        const dltest::CliResult r = dltest::runCli(DLCLI_PATH, args, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray runs = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(runs.size(), 3);
        const double gd = runs[0].toObject()["train_accuracy"].toDouble();
        const double momentum = runs[1].toObject()["train_accuracy"].toDouble();
        const double adam = runs[2].toObject()["train_accuracy"].toDouble();
        qInfo("train accuracy: GD %.4f, Momentum %.4f, Adam %.4f", gd, momentum, adam);
        QVERIFY(adam >= gd + 0.05 && adam >= momentum + 0.05);
        QCOMPARE(dltest::runCli(DLCLI_PATH, args, 120000).out, r.out);
    }

    void searchSavesItsBestAsAnExperiment()
    {
        QTemporaryDir dir;
        const QString best = dir.filePath("best.json");
        const QStringList args{"search", "--trials", "6", "--rounds", "2", "--iterations", "300", "--grid",
                               "--seed", "4", "--json", "--save-best", best};
        const dltest::CliResult r = run(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        const QJsonArray trials = j["trials"].toArray(), grid = j["grid"].toArray(), ranges = j["ranges"].toArray();
        QCOMPARE(trials.size(), 6);
        QCOMPARE(grid.size(), 6); // 3 α × 2 β
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges[0].toString(), QString("lr:log:0.0001:1,beta:one-minus-log:0.9:0.999"));
        double top = 0;
        for (const QJsonValue& t : trials) {
            const QJsonObject o = t.toObject();
            QVERIFY(o["values"].toObject()["lr"].toDouble() >= 1e-4 && o["values"].toObject()["beta"].toDouble() < 1);
            top = std::max(top, o["dev_accuracy"].toDouble());
        }
        QCOMPARE(j["best"].toObject()["dev_accuracy"].toDouble(), top);
        // the best trial replayed from its file: the same numbers (same seed, weights and batches)
        const dltest::CliResult replay = run({"train2d", "--experiment", best, "--json"});
        QVERIFY2(replay.exitCode == 0, replay.err.constData());
        const QJsonObject rj = QJsonDocument::fromJson(replay.out).object();
        QVERIFY2(rj["matches_saved_result"].toBool(), replay.out.constData());
        QCOMPARE(rj["dev_accuracy"].toDouble(), top);
        QCOMPARE(rj["iterations"].toInt(), 300);
    }

    void schedulesAndRangeTest()
    {
        // dlcli schedules: the α each epoch used is the formula's (staircase 0.5 every 10 epochs); lrfind: a
        // suggestion inside the range.
        const dltest::CliResult r = run({"schedules", "--epochs", "30", "--schedules", "none,staircase:0.5:10", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QVERIFY(j["stacked"].toBool());
        const QJsonArray lr = j["panels"].toArray()[1].toObject()["curves"].toArray()[1].toObject()["y"].toArray();
        QCOMPARE(lr.size(), 30);
        QCOMPARE(lr[25].toDouble(), double(0.1f * 0.25f));
        QCOMPARE(j["table"].toArray().size(), 3);
        const dltest::CliResult f = run({"lrfind", "--steps", "60", "--json"});
        QVERIFY2(f.exitCode == 0, f.err.constData());
        const double s = QJsonDocument::fromJson(f.out).object()["table"].toArray()[1].toArray()[0].toString().toDouble();
        QVERIFY(s > 1e-5 && s < 10);
    }

    void badOptionsAreOneSentence()
    {
        struct Case {
            QStringList args;
            const char* says;
        };
        const Case cases[] = {
            {{"race", "--surface", "himmelblau"}, "--surface: unknown surface"},
            {{"race", "--start", "1"}, "--start: write the start as two numbers"},
            {{"race", "--start", "1,x"}, "--start: write the start as two numbers"},
            {{"race", "--lr", "gd:abc"}, "--lr: write one learning rate"},
            {{"race", "--optimizers", "gd,gd"}, "listed twice"},
            {{"race", "--optimizers", "nadam"}, "unknown optimizer"},
            {{"race", "--lr", "-1"}, "the learning rate α must be a number above 0"},
            {{"race", "--kappa", "0.5"}, "κ must be at least 1"},
            {{"race", "--noise", "-2"}, "noise σ must be 0 or more"},
            {{"race", "--beta2", "1"}, "β, β₁ and β₂ must be in [0, 1)"},
            {{"race", "--iterations", "-3"}, "--iterations must be between"},
            {{"search", "--params", "lr:log:0:1"}, "a log range needs positive ends"},
            {{"search", "--params", "beta:lin:0.5:0.9", "--optimizer", "adam"}, "β has no effect with adam"},
            {{"search", "--params", "lr:log:1e-3"}, "should be NAME:SCALE:LOW:HIGH"},
            {{"schedules", "--schedules", "sometimes"}, "--schedules: unknown decay \"sometimes\""},
            {{"lrfind", "--lr-min", "0"}, "the α range must go from a positive α"},
            {{"search", "--trials", "0"}, "the budget must be between 1 and 10000 trials"},
            {{"search", "--trials", "4", "--rounds", "5"}, "rounds must be between 1 and the number of trials"},
        };
        for (const Case& c : cases) {
            const dltest::CliResult r = run(c.args);
            QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(c.args.join(' ')));
            QVERIFY2(QString::fromUtf8(r.err).contains(QString::fromUtf8(c.says)), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
    }
};

QTEST_MAIN(TstDynamicsCli)
#include "tst_dynamics_cli.moc"
