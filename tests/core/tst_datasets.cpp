// SPDX-License-Identifier: MIT
// 2-D datasets: seeded determinism, sizes, split, tensors; CSV import errors name the line.
#include "core/data/csv.h"
#include "core/data/synthetic.h"

#include <QTemporaryDir>
#include <QtTest>

class TstDatasets : public QObject {
    Q_OBJECT
  private slots:
    void allKinds_data()
    {
        QTest::addColumn<QString>("kind");
        for (const auto& k : dl::syntheticKinds()) QTest::newRow(k.c_str()) << QString::fromStdString(k);
    }
    void allKinds()
    {
        QFETCH(QString, kind);
        dl::DatasetSpec s;
        s.kind = kind.toStdString();
        const dl::Dataset2D a = dl::makeSynthetic(s), b = dl::makeSynthetic(s);
        QCOMPARE(a.size(), dl::defaultCount(s.kind));
        QVERIFY(a.xy == b.xy); // same seed, same points
        s.seed = 2;
        QVERIFY(dl::makeSynthetic(s).xy != a.xy);
        std::vector<int> counts(a.classes);
        for (int l : a.label) counts[l]++;
        for (int c : counts) QVERIFY(c >= a.size() / a.classes - 1); // balanced
    }
    void flowerMatchesCourseRecipe()
    {
        dl::DatasetSpec s;
        s.noise = 0.f; // without noise every point lies on r = 4 sin(4t)
        const dl::Dataset2D d = dl::makeSynthetic(s);
        QCOMPARE(d.size(), 400);
        for (int i = 0; i < d.size(); ++i) {
            const float x = d.xy[2 * i], y = d.xy[2 * i + 1];
            const float t = 3.12f * (i / 200) + 3.12f * (i % 200) / 199.f;
            QVERIFY(std::abs(x - 4 * std::sin(4 * t) * std::sin(t)) < 1e-4);
            QVERIFY(std::abs(y - 4 * std::sin(4 * t) * std::cos(t)) < 1e-4);
        }
    }
    void splitAndTensors()
    {
        dl::DatasetSpec s;
        s.kind = "blobs";
        s.classes = 3;
        const dl::Split sp = dl::splitDataset(dl::makeSynthetic(s), 0.25f, 5);
        QCOMPARE(sp.dev.size(), 75);
        QCOMPARE(sp.train.size(), 225);
        const dl::Tensor x = dl::featureTensor(sp.train);
        QCOMPARE(x.shape(), (dl::Shape{2, 225}));
        QCOMPARE(x[224], sp.train.xy[2 * 224]);       // row 0: x coordinates
        QCOMPARE(x[225 + 3], sp.train.xy[2 * 3 + 1]); // row 1: y coordinates
        const dl::Tensor y = dl::targetTensor(sp.train, 3);
        QCOMPARE(y.shape(), (dl::Shape{3, 225}));
        QCOMPARE(y[sp.train.label[7] * 225 + 7], 1.f);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::splitDataset(sp.train, 0.95f, 1));
    }
    void badSpecs()
    {
        dl::DatasetSpec s;
        s.kind = "donut";
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::makeSynthetic(s));
        s.kind = "spiral";
        s.classes = 9;
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::makeSynthetic(s));
    }
    void csvGood()
    {
        std::vector<std::string> names;
        const dl::Dataset2D d =
            dl::parseCsv2D("# my points\nx,y,label\n0.5,1,cat\n-1,2,dog\n3;4;cat\n", "p.csv", &names);
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.classes, 2);
        QCOMPARE(names[1], std::string("dog"));
        QCOMPARE(d.label[1], 1);
        QCOMPARE(d.xy[4], 3.f);
        const dl::Dataset2D n = dl::parseCsv2D("1,1,-1\n2,2,1\n", "n.csv");
        QCOMPARE(n.label[0], 0); // -1 sorts before 1
    }
    void csvErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("columns") << "x,y,l\n1,2,0\n3,4\n"
                                 << "p.csv, line 3: expected 3 columns (x, y, label), found 2.";
        QTest::newRow("number") << "1,2,0\n1,abc,1\n"
                                << "p.csv, line 2: y \"abc\" is not a finite number.";
        QTest::newRow("nan") << "1,2,0\nnan,1,1\n"
                             << "p.csv, line 2: x \"nan\" is not a finite number.";
        QTest::newRow("one class") << "1,2,0\n3,4,0\n"
                                   << "at least two classes are needed";
        QTest::newRow("empty") << "\n# nothing\n"
                               << "no data rows found";
    }
    void csvErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            dl::parseCsv2D(text.toStdString(), "/some/dir/p.csv");
            QFAIL("no exception");
        } catch (const dl::DataError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }
    void csvFileRoundTrip()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/pts.csv").toStdString();
        dl::DatasetSpec s;
        s.kind = "moons";
        const dl::Dataset2D d = dl::makeSynthetic(s);
        dl::saveCsv2D(d, path);
        const dl::Dataset2D back = dl::loadCsv2D(path);
        QVERIFY(back.xy == d.xy);
        QVERIFY(back.label == d.label);
        QVERIFY_THROWS_EXCEPTION(dl::IoError, dl::loadCsv2D(path + ".missing"));
    }
    void editPoints()
    {
        dl::Dataset2D d;
        d.add(0, 0, 0);
        d.add(1, 1, 1);
        QCOMPARE(d.nearest(0.9f, 1.05f, 0.2f), 1);
        QCOMPARE(d.nearest(5, 5, 0.2f), -1);
        d.remove(0);
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.label[0], 1);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, d.add(0, 0, 2));
    }
};

QTEST_APPLESS_MAIN(TstDatasets)
#include "tst_datasets.moc"
