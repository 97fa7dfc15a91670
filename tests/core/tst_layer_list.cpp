// SPDX-License-Identifier: MIT
// Layer-list text: every preset round-trips through its text; errors name the line and say what to write.
#include "core/layers/layer_list.h"
#include "core/train/image_models.h"

#include <QtTest>

class TstLayerList : public QObject {
    Q_OBJECT
  private slots:
    void presetsRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& n : dl::imageModelNames()) QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }
    void presetsRoundTrip()
    {
        QFETCH(QString, name);
        const auto specs = dl::imageModelLayers(name.toStdString(), 1, 28, 28, 10);
        const std::string text = dl::layerListText(specs);
        const auto back = dl::parseLayerList(text, 1, 28, 28, 10);
        QCOMPARE(dl::layerListText(back), text);
        dl::Rng r1(4), r2(4);
        QCOMPARE(dl::buildImageModel(back, 1, 28, 28, r1).paramCount(),
                 dl::buildImageModel(specs, 1, 28, 28, r2).paramCount());
    }
    void handWritten()
    {
        const auto s = dl::parseLayerList("# tiny\nconv 4 k=5 p=2\nbn\nleaky 0.1\nmaxpool 2\nflatten\n"
                                          "dropout 0.8\ndense 3\n",
                                          3, 8, 8, 3);
        QCOMPARE(int(s.size()), 7);
        QCOMPARE(s[0].type, std::string("Conv2d"));
        QCOMPARE(s[0].inputs, 3); // inferred from the image
        QCOMPARE(s[0].kernel, 5);
        QCOMPARE(s[1].type, std::string("BatchNorm2d"));
        QCOMPARE(s[1].inputs, 4);
        QCOMPARE(s[2].leak, 0.1f);
        QCOMPARE(s[6].inputs, 4 * 4 * 4); // Flatten of (4, 4, 4)
    }
    void errorsNameTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << "flatten\nfoo 3\ndense 10"
                                 << "Line 2 (foo 3): unknown layer \"foo\"";
        QTest::newRow("value") << "conv x\nflatten\ndense 10"
                               << "Line 1 (conv x): the output channel count must";
        QTest::newRow("setting") << "conv 4 q=1\nflatten\ndense 10"
                                 << "Line 1 (conv 4 q=1): unknown setting \"q\"";
        QTest::newRow("shape") << "conv 4 k=9\nconv 4 k=9\nconv 4 k=9\nconv 4 k=9\nflatten\ndense 10"
                               << "Line 4 (conv 4 k=9):";
        QTest::newRow("classes") << "flatten\ndense 7"
                                 << "The last layer gives (7, 1) but the data has 10";
        // Found by fuzz_layer_list: the line was looked up by its lower-cased first word, so an error on
        // a line written in capitals threw std::out_of_range instead of this sentence.
        QTest::newRow("capitals") << "flatten\n  DENSE x\ndense 10"
                                  << "Line 2 (DENSE x): the output count must be a whole number";
        // Found by fuzz_layer_list: sizes that would allocate gigabytes are refused while parsing.
        QTest::newRow("huge conv")
            << "conv 999999999 p=1\nflatten\ndense 10"
            << "Line 1 (conv 999999999 p=1): the output count is 999999999; at most 65536";
        QTest::newRow("huge weights") << "conv 60000 k=50\nflatten\ndense 10"
                                      << "Line 1 (conv 60000 k=50): it needs 1.5e+08 weights";
        QTest::newRow("huge output") << "conv 64 p=300\nflatten\ndense 10"
                                     << "Line 1 (conv 64 p=300): its output has";
        QTest::newRow("empty") << "# nothing\n"
                               << "The layer list is empty";
    }
    void errorsNameTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        try {
            dl::parseLayerList(text.toStdString(), 1, 28, 28, 10);
            QFAIL("no error");
        } catch (const dl::ConfigError& e) {
            if (!QString(e.what()).startsWith(expected)) qWarning("%s", e.what());
            QVERIFY(QString(e.what()).startsWith(expected));
        }
    }
};

QTEST_APPLESS_MAIN(TstLayerList)
#include "tst_layer_list.moc"
