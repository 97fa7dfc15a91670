// SPDX-License-Identifier: MIT
// Cleaning an image folder (core/data/image_check.h): a folder with one planted problem of each kind —
// unreadable, truncated, wrong size, wrong mode, a duplicate, a near duplicate, a class with few pictures —
// is reported with exactly those and nothing else; the difference hash by hand; the cleaned copy holds the
// kept pictures at the expected size and mode and the original folder is unchanged; a copy into the folder
// itself is refused.
#include "core/data/image_check.h"
#include "core/util/error.h"
#include "core/util/file.h"
#include "tests/message_of.h"

#include <opencv2/imgcodecs.hpp>

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A 16×16 grey picture of seeded noise (0–199): any two differ in about half of their 256 hash bits.
cv::Mat noise(int seed, int w = 16, int h = 16)
{
    cv::Mat m(h, w, CV_8UC1);
    cv::RNG rng(std::uint64_t(seed) * 7919u + 1u);
    rng.fill(m, cv::RNG::UNIFORM, 0, 200);
    return m;
}

void write(const QString& path, const cv::Mat& m)
{
    QVERIFY(cv::imwrite(path.toStdString(), m));
}

QStringList listed(const dl::ImageFolderReport& r)
{
    QStringList out;
    for (const dl::ImageProblem& p : r.problems)
        out << QString("%1 %2").arg(dl::imageProblemName(p.kind), QString::fromStdString(p.file));
    return out;
}

// Every file under dir with its bytes: what "unchanged" compares.
QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        out[f] = QByteArray::fromStdString(dl::readFile(f.toStdString()));
    }
    return out;
}

} // namespace

class TstImageCheck : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString plant()
    {
        const QString root = m_dir.filePath("pictures");
        QDir().mkpath(root + "/coats"), QDir().mkpath(root + "/shoes");
        for (int i = 0; i < 12; ++i) write(root + QString("/coats/%1.png").arg(i, 2, 10, QChar('0')), noise(i));
        for (int i = 0; i < 3; ++i) write(root + QString("/shoes/%1.png").arg(i), noise(100 + i)); // few in class
        write(root + "/coats/big.png", noise(50, 20, 20));                                     // wrong size
        cv::Mat colour;
        cv::merge(std::vector<cv::Mat>{noise(60), noise(61), noise(62)}, colour);
        write(root + "/coats/colour.png", colour); // wrong mode
        QFile::copy(root + "/coats/03.png", root + "/coats/copy.png"); // duplicate
        cv::Mat near = noise(5) + 12;          // brighter by 12 grey levels: the same picture, other pixels
        write(root + "/coats/near.png", near); // near duplicate of 05
        QFile text(root + "/coats/notes.png");
        if (text.open(QIODevice::WriteOnly)) text.write("not a picture\n");
        const std::string whole = dl::readFile((root + "/coats/07.png").toStdString());
        QFile cut(root + "/coats/cut.png");
        if (cut.open(QIODevice::WriteOnly)) cut.write(whole.data(), qint64(whole.size() / 2)); // truncated
        return root;
    }

  private slots:
    void differenceHashByHand()
    {
        // A 17×16 picture whose brightness falls from left to right: every left neighbour is brighter, 256
        // ones; its mirror image: 256 zeros; a picture bright on its left half only: 8 ones a row (of 16), the
        // step between cells 7 and 8 — bit 7 of each row.
        const dl::PictureHash ones{~0ull, ~0ull, ~0ull, ~0ull}, zeros{};
        std::vector<std::uint8_t> rgb(17 * 16 * 3);
        auto fill = [&](auto f) {
            for (int y = 0; y < 16; ++y)
                for (int x = 0; x < 17; ++x)
                    for (int c = 0; c < 3; ++c) rgb[size_t((y * 17 + x) * 3 + c)] = std::uint8_t(f(x));
        };
        fill([](int x) { return 250 - 14 * x; });
        QVERIFY(dl::differenceHash(rgb.data(), 17, 16) == ones);
        fill([](int x) { return 14 * x; });
        QVERIFY(dl::differenceHash(rgb.data(), 17, 16) == zeros);
        fill([](int x) { return x < 8 ? 200 : 0; });
        const dl::PictureHash step = dl::differenceHash(rgb.data(), 17, 16);
        QCOMPARE(dl::hammingDistance(step, zeros), 16);
        QCOMPARE(step[0], (std::uint64_t(1) << (63 - 7)) | (std::uint64_t(1) << (63 - 23)) | (std::uint64_t(1) << (63 - 39)) |
                              (std::uint64_t(1) << (63 - 55)));
    }
    void plantedProblemsAndNothingElse()
    {
        const QString root = plant();
        const dl::ImageFolderReport r = dl::inspectImageFolder(root.toStdString());
        QCOMPARE(r.classes, (std::vector<std::string>{"coats", "shoes"}));
        QCOMPARE(r.width, 16);
        QVERIFY(r.grey);
        QStringList expected{"unreadable coats/notes.png", "truncated coats/cut.png", "wrong-size coats/big.png",
                             "wrong-mode coats/colour.png", "duplicate coats/copy.png", "near-duplicate coats/near.png",
                             "few-in-class shoes"};
        QStringList got = listed(r);
        std::sort(expected.begin(), expected.end()), std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);
        for (const dl::ImageProblem& p : r.problems) {
            if (p.kind == dl::ImageProblemKind::Duplicate) QCOMPARE(p.other, std::string("coats/03.png"));
            if (p.kind == dl::ImageProblemKind::NearDuplicate) QCOMPARE(p.other, std::string("coats/05.png"));
        }
        // Asked for 20×20 colour, the other pictures are the wrong ones.
        dl::ImageCheckSpec s;
        s.width = 20, s.height = 20, s.mode = "colour", s.minPerClass = 3;
        const dl::ImageFolderReport asked = dl::inspectImageFolder(root.toStdString(), s);
        QCOMPARE(asked.count(dl::ImageProblemKind::WrongSize), 18); // 12 + 3 of noise, colour, copy and near
        QCOMPARE(asked.count(dl::ImageProblemKind::FewInClass), 0);
    }
    void cleanedCopy()
    {
        const QString root = m_dir.filePath("pictures");
        const auto before = snapshot(root);
        const dl::ImageFolderReport r = dl::inspectImageFolder(root.toStdString());
        const QString out = m_dir.filePath("cleaned");
        // The defaults: unreadable, truncated and duplicates dropped; big.png resized, colour.png made grey.
        QCOMPARE(dl::saveCleanedFolder(r, dl::ImageFixPlan(), out.toStdString()), 12 + 3 + 3);
        QCOMPARE(snapshot(root), before);
        const cv::Mat big = cv::imread((out + "/coats/big.png").toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(big.cols, 16);
        QCOMPARE(big.channels(), 1);
        QVERIFY(!QFile::exists(out + "/coats/copy.png") && !QFile::exists(out + "/coats/cut.png"));
        QVERIFY(dl::inspectImageFolder(out.toStdString(), {16, 16, "", 3, 4}).count(dl::ImageProblemKind::WrongSize) == 0);
        // Into the folder itself, or a folder that is not empty: refused in one sentence.
        QVERIFY(dltest::messageOf([&] { dl::saveCleanedFolder(r, {}, (root + "/coats/x").toStdString()); }).contains("inside it"));
        QVERIFY(dltest::messageOf([&] { dl::saveCleanedFolder(r, {}, out.toStdString()); }).contains("not empty"));
        QVERIFY(dltest::messageOf([&] { dl::inspectImageFolder(m_dir.filePath("none").toStdString()); }).contains("is not a folder"));
    }
};

QTEST_GUILESS_MAIN(TstImageCheck)
#include "tst_image_check.moc"
