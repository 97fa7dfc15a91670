// SPDX-License-Identifier: MIT
// Image folders: one sub-folder per class, resized to the input; unreadable files listed and skipped.
#include "core/data/image_folder.h"
#include "core/util/cancel.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

class TstImageFolder : public QObject {
    Q_OBJECT
  private slots:
    void loadsClassesAndSkipsBadFiles()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        QDir(dir.path()).mkpath("apples");
        QDir(dir.path()).mkpath("pears");
        QDir(dir.path()).mkpath("empty");
        cv::Mat red(4, 6, CV_8UC3, cv::Scalar(0, 0, 255)); // BGR: pure red
        QVERIFY(cv::imwrite(root + "/apples/1.png", red));
        QVERIFY(cv::imwrite(root + "/apples/2.jpg", red));
        cv::Mat grey(8, 8, CV_8UC3, cv::Scalar(128, 128, 128));
        QVERIFY(cv::imwrite(root + "/pears/a.bmp", grey));
        QFile bad(dir.path() + "/pears/broken.png");
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("\x89PNG but then nothing");
        bad.close();

        dl::FolderLoadReport report;
        const dl::ImageSet s = dl::loadImageFolder(root, 3, 2, 3, &report);
        QCOMPARE(s.classes, 2);
        QCOMPARE(s.classNames, (std::vector<std::string>{"apples", "pears"}));
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.labels, (std::vector<int>{0, 0, 1}));
        QCOMPARE(s.images.shape(), (dl::Shape{3, 3, 2, 3}));
        QCOMPARE(s.images[0], 1.f); // image 0, channel R
        QCOMPARE(s.images[6], 0.f); // channel G
        QVERIFY(std::abs(s.images[2 * 18] - 128.f / 255.f) < 1e-6);
        QCOMPARE(report.skipped.size(), size_t(1));
        QCOMPARE(QString::fromStdString(report.skipped[0]),
                 QString("pears/broken.png: not an image OpenCV can read"));

        dl::CancelFlag stop; // a caller's scope stops the reading at the next picture
        stop.request();
        const dl::CancelScope scope(&stop);
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::loadImageFolder(root, 3, 2, 3));
    }
    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(dl::IoError, dl::loadImageFolder("/nonexistent/folder", 1, 8, 8));
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("only");
        cv::imwrite((dir.path() + "/only/x.png").toStdString(), cv::Mat(3, 3, CV_8UC1, cv::Scalar(7)));
        try {
            dl::loadImageFolder(dir.path().toStdString(), 1, 8, 8);
            QFAIL("no exception");
        } catch (const dl::DataError& e) {
            QVERIFY2(QString(e.what()).contains("at least two"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::loadImageFolder(dir.path().toStdString(), 2, 8, 8));
    }
};

QTEST_APPLESS_MAIN(TstImageFolder)
#include "tst_image_folder.moc"
