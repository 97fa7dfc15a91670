// SPDX-License-Identifier: MIT
// The one model-file container (core/util/model_container.h): what a writer writes a reader gives back, and
// every damage is one sentence naming the file.
#include "core/util/model_container.h"

#include <QtTest>

namespace {

const dl::ContainerFormat kFormat{"TEST", 2, 3, "test-model", "a test model."};

std::string sample(const std::vector<int>& order)
{
    dl::Json h = dl::Json::object();
    h.set("step", 7).set("what", "x");
    dl::ContainerWriter w(kFormat, h);
    dl::Tensor t({2, 3});
    for (int i = 0; i < 6; ++i) t[i] = 0.5f * i;
    w.tensor(t);
    return w.finish(order);
}

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const dl::FormatError& e) {
        return QString::fromUtf8(e.what());
    }
    return "no error";
}

} // namespace

class TstModelContainer : public QObject {
    Q_OBJECT
  private slots:
    void roundTrip()
    {
        const std::string bytes = sample({2, 0, 1});
        // magic, version 3, header length, header, tensor (rank 2: 4 + 8 + 24 bytes), 4 + 12, "END!"
        const std::string header = R"({"step":7,"what":"x"})";
        QCOMPARE(bytes.size(), size_t(4 + 4 + 4 + header.size() + 36 + 16 + 4));
        QCOMPARE(bytes.substr(0, 4), std::string("TEST"));
        dl::ContainerReader r(bytes, "m.test", kFormat);
        QCOMPARE(r.version(), 3u);
        QCOMPARE(r.header().at("what").string(), std::string("x"));
        QCOMPARE(r.count("step", 0, 10), 7.0);
        QCOMPARE(r.count("absent", 0, 10, 4), 4.0);
        dl::Tensor t({2, 3});
        r.tensorInto(t, "the tensor");
        QCOMPARE(t[5], 2.5f);
        QCOMPARE(r.finish(3, 3), (std::vector<int>{2, 0, 1}));
    }
    void damageIsASentence_data()
    {
        QTest::addColumn<int>("cut");     // bytes cut from the end (0: none)
        QTest::addColumn<int>("at");      // byte to overwrite (−1: none)
        QTest::addColumn<int>("value");   // its new value
        QTest::addColumn<QString>("says");
        QTest::newRow("magic") << 0 << 0 << int('X') << "m.test is not a test model.";
        QTest::newRow("too new") << 0 << 4 << 4 << "m.test is test-model version 4; this build reads versions 2 to 3.";
        QTest::newRow("too old") << 0 << 4 << 1 << "m.test is test-model version 1; this build reads versions 2 to 3.";
        QTest::newRow("header") << 0 << 12 << int('[') << "m.test has a damaged header: JSON line 1";
        QTest::newRow("end marker") << 0 << -2 << int('X') << "m.test is damaged: the end marker is missing.";
        QTest::newRow("index") << 0 << -8 << 9 << "m.test is damaged: an index of its saved order (9) is not below 3.";
        QTest::newRow("truncated") << 6 << -1 << 0 << "m.test is truncated";
        QTest::newRow("short") << 1000 << -1 << 0 << "m.test is truncated";
    }
    void damageIsASentence()
    {
        QFETCH(int, cut);
        QFETCH(int, at);
        QFETCH(int, value);
        QFETCH(QString, says);
        std::string bytes = sample({2, 0, 1});
        if (at != -1) bytes[static_cast<size_t>(at >= 0 ? at : int(bytes.size()) + at)] = static_cast<char>(value);
        bytes.resize(bytes.size() > size_t(cut) ? bytes.size() - size_t(cut) : 0);
        const QString got = errorOf([&] {
            dl::ContainerReader r(bytes, "m.test", kFormat);
            dl::Tensor t({2, 3});
            r.tensorInto(t, "the tensor");
            r.finish(3, 3);
        });
        QVERIFY2(got.startsWith(says), qPrintable(got));
    }
    void countsAreChecked()
    {
        dl::Json h = dl::Json::object();
        h.set("step", 2.5).set("epoch", -1).set("name", "n");
        const std::string bytes = dl::ContainerWriter(kFormat, h).finish({});
        dl::ContainerReader r(bytes, "m.test", kFormat);
        QCOMPARE(errorOf([&] { r.count("step", 0, 1e15); }),
                 QString("m.test is damaged: its step (2.5) is not a whole number from 0 to 1e+15."));
        QVERIFY(errorOf([&] { r.count("epoch", 0, 10); }).contains("its epoch (-1)"));
        QVERIFY(errorOf([&] { r.count("name", 0, 10); }).contains("its name (\"n\")"));
        QVERIFY(errorOf([&] { r.count("gone", 0, 10); }).contains("its header has no \"gone\""));
        QVERIFY(r.finish(0, 0).empty());
        QVERIFY(errorOf([&] { dl::ContainerReader(dl::ContainerWriter(kFormat, dl::Json(3)).finish({}), "m.test", kFormat); })
                    .contains("not a JSON object"));
    }
};

QTEST_APPLESS_MAIN(TstModelContainer)
#include "tst_model_container.moc"
