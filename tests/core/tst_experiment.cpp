// SPDX-License-Identifier: MIT
// Experiment files: JSON round trip and replay of a run with mid-run changes to the same numbers.
#include "core/train/experiment.h"
#include "core/util/file.h"

#include <QTemporaryDir>
#include <QtTest>

class TstExperiment : public QObject {
    Q_OBJECT
    dl::Experiment base()
    {
        dl::Experiment e;
        e.dataset.kind = "moons";
        e.data = dl::splitDataset(dl::makeSynthetic(e.dataset), 0.2f, 1);
        e.data.train.add(0.1f, 0.2f, 1); // a hand-added point travels with the file
        e.edited = true;
        e.network.hidden = {5, 2};
        e.network.activation = dl::Act::ReLU;
        e.network.init = dl::Init::He;
        e.hyper.lr = 0.05f;
        e.hyper.batch = 64;
        e.hyper.opt.kind = dl::OptKind::Momentum;
        e.seed = 9;
        return e;
    }
  private slots:
    void replayMatchesLiveRun()
    {
        // A "live" run: 300 steps, lr changed at 120, optimizer switched at 200, as the GUI records it.
        dl::Experiment e = base();
        auto live = dl::makeTrainer(e);
        for (long s = 0; s < 300; ++s) {
            if (s == 120 || s == 200) {
                dl::Hyperparams h = live->hyper();
                if (s == 120)
                    h.lr = 0.01f;
                else
                    h.opt.kind = dl::OptKind::Adam;
                e.changes.push_back({s, h, dl::describeChange(live->hyper(), h), std::nullopt});
                live->setHyper(h);
            }
            live->step();
        }
        e.steps = 300;
        e.result = live->evaluateAll();
        QCOMPARE(QString::fromStdString(e.changes[0].what), QString("α 0.05 → 0.01"));

        QTemporaryDir dir;
        const std::string path = (dir.path() + "/run.json").toStdString();
        dl::saveExperiment(e, path);
        const dl::Experiment back = dl::loadExperiment(path);
        QCOMPARE(back.changes.size(), size_t(2));
        QCOMPARE(back.data.train.size(), e.data.train.size());
        auto t = dl::makeTrainer(back);
        dl::replay(*t, back, back.steps);
        const dl::EpochStats r = t->evaluateAll();
        QCOMPARE(r.train.cost, e.result->train.cost); // bit-exact
        QCOMPARE(r.dev.accuracy, e.result->dev.accuracy);
        QCOMPARE(t->hyper().opt.kind, dl::OptKind::Adam);
    }
    void badFiles()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/bad.json").toStdString();
        dl::writeFileAtomic(path, "{\"format\": \"dl-visual-lab experiment\", \"version\": 7}");
        try {
            dl::loadExperiment(path);
            QFAIL("no exception");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).contains("bad.json cannot be opened: it is version 7"), e.what());
        }
        dl::writeFileAtomic(path, "{ not json");
        QVERIFY_THROWS_EXCEPTION(dl::FormatError, dl::loadExperiment(path));
        dl::Json j = dl::toJson(base());
        dl::Json h = dl::toJson(base().hyper);
        h.set("learning_rate", -3.0);
        j.set("hyper", h);
        try {
            dl::experimentFromJson(j, "x.json");
            QFAIL("no exception");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).contains("learning rate must be between"), e.what());
        }
        // Counts too large for an int, or not whole, are refused before any cast (a double beyond int's
        // range cast to int is undefined; found by fuzz_experiment under clang's UBSan: classes 3.9e14).
        for (const auto& [key, value] : {std::pair{"seed", 1e12}, {"seed", -1.0}, {"steps", 2.5}, {"version", 1e300}}) {
            dl::Json k = dl::toJson(base());
            k.set(key, value);
            try {
                dl::experimentFromJson(k, "x.json");
                QFAIL("no exception");
            } catch (const dl::FormatError& e) {
                QVERIFY2(QString(e.what()).contains(QString("%1 must be a whole number from").arg(key)), e.what());
            }
        }
        dl::Json d = dl::toJson(base());
        dl::Json data = d.at("dataset");
        dl::Json train = data.at("train");
        train.set("classes", 3.9e14);
        data.set("train", train);
        d.set("dataset", data);
        QVERIFY_THROWS_EXCEPTION(dl::FormatError, dl::experimentFromJson(d, "x.json"));
    }
};

QTEST_APPLESS_MAIN(TstExperiment)
#include "tst_experiment.moc"
