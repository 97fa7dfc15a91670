// SPDX-License-Identifier: MIT
// IDX reader: good files (plain and gzip) read exactly; truncated, garbage and mismatched files are refused
// with a sentence naming the file. Test files are made here (tests/data needs none).
#include "core/data/idx.h"
#include "core/util/cancel.h"
#include "core/util/file.h"

#include <QTemporaryDir>
#include <QtTest>
#include <zlib.h>

namespace {
std::string idx(const std::vector<std::uint32_t>& dims, const std::vector<std::uint8_t>& data)
{
    std::string b{char(0), char(0), char(8), char(dims.size())};
    for (std::uint32_t d : dims)
        for (int s = 24; s >= 0; s -= 8) b += char((d >> s) & 0xff);
    b.append(data.begin(), data.end());
    return b;
}
std::string gzip(const std::string& in)
{
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(compressBound(uLong(in.size())) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}
} // namespace

class TstIdx : public QObject {
    Q_OBJECT
  private slots:
    void readsPlainAndGzip()
    {
        std::vector<std::uint8_t> px(2 * 3 * 4);
        for (size_t i = 0; i < px.size(); ++i) px[i] = std::uint8_t(i * 10);
        const std::string file = idx({2, 3, 4}, px);
        for (const std::string& bytes : {file, gzip(file)}) {
            const dl::IdxArray a = dl::parseIdx(bytes, "x.gz");
            QCOMPARE(a.dims, (std::vector<int>{2, 3, 4}));
            QCOMPARE(a.data, px);
        }
        const dl::Tensor t = dl::idxImages(dl::parseIdx(file, "x"));
        QCOMPARE(t.shape(), (dl::Shape{2, 1, 3, 4}));
        QCOMPARE(t[23], 230.f / 255.f);
        const std::vector<int> labels = dl::idxLabels(dl::parseIdx(idx({2}, {7, 9}), "l"), 2);
        QCOMPARE(labels[1], 9);
    }
    void readingStopsWhenItsScopeIsCancelled()
    {
        // 256 KiB of pixels: several 64 KiB gzip blocks, each preceded by a check of the caller's scope
        const std::string file = gzip(idx({256, 32, 32}, std::vector<std::uint8_t>(256 * 32 * 32, 7)));
        dl::CancelFlag reload, closing;
        {
            const dl::CancelScope scope(&reload, &closing);
            QCOMPARE(dl::parseIdx(file, "x.gz").data.size(), size_t(256 * 32 * 32)); // neither flag set
            closing.request();
            QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::parseIdx(file, "x.gz"));
            closing.clear();
            reload.request();
            QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::parseIdx(file, "x.gz"));
            {
                const dl::CancelScope inner(nullptr); // an inner scope without a flag reads to the end
                QCOMPARE(dl::parseIdx(file, "x.gz").dims[0], 256);
            }
            QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::parseIdx(file, "x.gz")); // the outer one again
        }
        QCOMPARE(dl::parseIdx(file, "x.gz").dims[0], 256); // no scope: the flag is not seen
    }
    void readsFromDisk()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/t10k-labels-idx1-ubyte.gz").toStdString();
        dl::writeFileAtomic(path, gzip(idx({3}, {1, 2, 3})));
        QCOMPARE(dl::readIdx(path).data.size(), size_t(3));
        QVERIFY_THROWS_EXCEPTION(dl::IoError, dl::readIdx(path + ".missing"));
    }
    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const std::string good = idx({2, 2, 2}, std::vector<std::uint8_t>(8, 1));
        auto qb = [](const std::string& s) {
            return QByteArray(s.data(), qsizetype(s.size()));
        };
        QTest::newRow("truncated data")
            << qb(good.substr(0, good.size() - 3))
            << "imgs.idx is truncated: the header promises 8 bytes of data, the file has 5.";
        QTest::newRow("extra bytes") << qb(good + "xx") << "has extra bytes";
        QTest::newRow("truncated header") << qb(good.substr(0, 9)) << "truncated inside its header";
        QTest::newRow("garbage") << qb("hello world, not idx") << "is not an IDX file";
        QTest::newRow("float type") << qb(std::string{0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0})
                                    << "only unsigned bytes";
        QTest::newRow("zero dim") << qb(idx({0}, {})) << "dimension 1 is 0";
        QTest::newRow("cut gzip") << qb(gzip(good).substr(0, 12)) << "is not a complete gzip file";
        QTest::newRow("empty") << QByteArray() << "too short";
    }
    void refusesBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        try {
            dl::parseIdx(bytes.toStdString(), "/data/imgs.idx");
            QFAIL("no exception");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).contains(message) && QString(e.what()).startsWith("imgs.idx"),
                     e.what());
        }
    }
    void realFashionMnist()
    {
        // Debian's dataset-fashion-mnist (installed by scripts/setup.sh): 10 000 test images of 28×28.
        const std::string dir = "/usr/share/datasets/fashion-mnist/";
        const dl::IdxArray im = dl::readIdx(dir + "t10k-images-idx3-ubyte.gz");
        QCOMPARE(im.dims, (std::vector<int>{10000, 28, 28}));
        const std::vector<int> labels = dl::idxLabels(dl::readIdx(dir + "t10k-labels-idx1-ubyte.gz"), 10000);
        std::vector<int> perClass(10);
        for (int l : labels) perClass.at(size_t(l))++;
        for (int c : perClass) QCOMPARE(c, 1000); // the test set is balanced
        QCOMPARE(labels[0], 9);                   // the first test image is an ankle boot
    }
    void labelsMustMatchImages()
    {
        QVERIFY_THROWS_EXCEPTION(dl::FormatError, dl::idxLabels(dl::parseIdx(idx({3}, {1, 2, 3}), "l"), 4));
        QVERIFY_THROWS_EXCEPTION(dl::FormatError, dl::idxImages(dl::parseIdx(idx({3}, {1, 2, 3}), "l")));
    }
};

QTEST_APPLESS_MAIN(TstIdx)
#include "tst_idx.moc"
