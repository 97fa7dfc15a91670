// SPDX-License-Identifier: MIT
// Checkpoints: a round trip reproduces the next 10 steps exactly; damaged files give one clear sentence.
#include "core/data/synthetic.h"
#include "core/train/checkpoint.h"
#include "core/util/binary_io.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

class TstCheckpoint : public QObject {
    Q_OBJECT
    std::unique_ptr<dl::Trainer> make(dl::OptKind opt, bool bn, float keep)
    {
        dl::ModelSpec spec;
        spec.hidden = {6, 4};
        spec.activation = dl::Act::ReLU;
        spec.init = dl::Init::He;
        spec.batchNorm = bn;
        spec.keepProb = keep;
        dl::Hyperparams h;
        h.opt.kind = opt;
        h.lr = 0.01f;
        h.batch = 32;
        h.keepProb = keep;
        h.l2 = 0.1f;
        dl::DatasetSpec ds;
        ds.kind = "moons";
        return std::make_unique<dl::Trainer>(spec, h, dl::splitDataset(dl::makeSynthetic(ds), 0.2f, 1), 4);
    }
  private slots:
    void roundTripReproducesNextSteps_data()
    {
        QTest::addColumn<int>("opt");
        QTest::addColumn<bool>("bn");
        QTest::addColumn<float>("keep");
        QTest::newRow("adam + dropout + bn") << int(dl::OptKind::Adam) << true << 0.8f;
        QTest::newRow("momentum") << int(dl::OptKind::Momentum) << false << 1.f;
        QTest::newRow("rmsprop + dropout") << int(dl::OptKind::RMSprop) << false << 0.7f;
        QTest::newRow("gd + bn") << int(dl::OptKind::GD) << true << 1.f;
    }
    void roundTripReproducesNextSteps()
    {
        QFETCH(int, opt);
        QFETCH(bool, bn);
        QFETCH(float, keep);
        auto a = make(static_cast<dl::OptKind>(opt), bn, keep);
        for (int i = 0; i < 13; ++i) a->step(); // mid-epoch (240 / 32 = 7.5 batches per epoch)
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/m.dlck").toStdString();
        dl::saveCheckpoint(*a, path);
        auto b = dl::loadCheckpoint(path);
        for (int i = 0; i < 10; ++i) {
            const dl::StepStats sa = a->step(), sb = b->step();
            QCOMPARE(sb.cost, sa.cost); // exactly, not approximately
            QCOMPARE(sb.step, sa.step);
        }
        auto pa = a->model().params(), pb = b->model().params();
        for (size_t i = 0; i < pa.size(); ++i)
            QVERIFY(pa[i]->value.arr().cwiseEqual(pb[i]->value.arr()).all());
        QCOMPARE(b->evaluateAll().dev.accuracy, a->evaluateAll().dev.accuracy);
    }
    void damagedFiles_data()
    {
        QTest::addColumn<int>("cut");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << -40 << "is truncated";
        QTest::newRow("header only") << 8 << "is truncated";
        QTest::newRow("bad magic") << 0 << "is not a DL Visual Lab checkpoint";
    }
    void damagedFiles()
    {
        QFETCH(int, cut);
        QFETCH(QString, message);
        auto a = make(dl::OptKind::Adam, false, 1.f);
        std::string bytes = dl::checkpointBytes(*a);
        if (cut < 0)
            bytes.resize(bytes.size() + cut);
        else if (cut > 0)
            bytes.resize(static_cast<size_t>(cut));
        else
            bytes[0] = 'X';
        try {
            dl::checkpointFromBytes(bytes, "/x/model.dlck");
            QFAIL("no exception");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).contains("model.dlck") && QString(e.what()).contains(message),
                     e.what());
        }
    }
    void outOfRangePositionIsRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("batch position past the training set") << "batch_pos"
                                                              << "100000";
        QTest::newRow("negative batch position") << "batch_pos"
                                                 << "-3";
        QTest::newRow("fractional step") << "step"
                                         << "2.5";
        QTest::newRow("step beyond any int") << "step"
                                             << "1e300";
    }
    void outOfRangePositionIsRefused()
    {
        // The header's numbers are checked before they become ints (issue 11): one sentence naming the key.
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto a = make(dl::OptKind::Adam, false, 1.f);
        const std::string bytes = dl::checkpointBytes(*a);
        std::uint32_t n = 0;
        std::memcpy(&n, bytes.data() + 8, 4);
        QString header = QString::fromStdString(bytes.substr(12, n));
        const QRegularExpression field("\"" + key + "\":\\s*[0-9.e+-]+");
        QVERIFY(header.contains(field));
        header.replace(field, "\"" + key + "\": " + value);
        const std::string h = header.toStdString();
        const std::uint32_t m = static_cast<std::uint32_t>(h.size());
        const std::string damaged =
            bytes.substr(0, 8) + std::string(reinterpret_cast<const char*>(&m), 4) + h + bytes.substr(12 + n);
        try {
            dl::checkpointFromBytes(damaged, "/x/model.dlck");
            QFAIL("no exception");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).startsWith("model.dlck") && QString(e.what()).contains(key) &&
                         QString(e.what()).contains("is not a whole number from 0 to"),
                     e.what());
        }
    }
    void emptyTensorRoundTrips()
    {
        // An empty dev set or optimiser state is a (0, 2) tensor whose data() may be null: no byte is copied
        // (found by fuzz_checkpoint under clang's UBSan: memcpy(nullptr, …, 0) on flower.dlck's seed).
        dl::BinaryWriter w;
        w.tensor(dl::Tensor({0, 2}));
        w.u32(7);
        dl::Tensor back({0, 2});
        dl::BinaryReader r(w.m_out, "e.dlck");
        r.tensorInto(back, "the dev set");
        QCOMPARE(back.size(), size_t(0));
        QCOMPARE(r.u32(), 7u);
    }
    void newerVersionIsNamed()
    {
        auto a = make(dl::OptKind::GD, false, 1.f);
        std::string bytes = dl::checkpointBytes(*a);
        bytes[4] = 2;
        try {
            dl::checkpointFromBytes(bytes, "m.dlck");
            QFAIL("no exception");
        } catch (const dl::FormatError& e) {
            QCOMPARE(QString(e.what()),
                     QString("m.dlck is checkpoint version 2; this build reads version 1."));
        }
    }
};

QTEST_APPLESS_MAIN(TstCheckpoint)
#include "tst_checkpoint.moc"
