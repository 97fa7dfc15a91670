// SPDX-License-Identifier: MIT
// The catalogues (translations/*.ts, issue 17): lrelease compiles each with 0 unfinished and 0 untranslated
// messages; none holds an obsolete or vanished entry; and they are up to date with the sources — lupdate run
// over app/ and widgets/ (as `ninja update_translations` does) into a copy finds no message the catalogue
// lacks and none it has too many. The course's terms are translated as the notes use them.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kSource = QStringLiteral(DL_SOURCE_DIR);

struct Catalogue {
    QString file, language;
    QStringList lupdateOptions;
};

QList<Catalogue> catalogues()
{
    return {{"dllab_zh_CN.ts", "zh_CN", {}}, {"dllab_en.ts", "en", {"-pluralonly"}}};
}

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) return "FAILED: " + program + " " + args.join(' ') + "\n" + p.readAll();
    return QString::fromUtf8(p.readAll());
}

// context + "\x1f" + source of every message; the translation of each, by the same key
QHash<QString, QString> messages(const QString& path, QStringList* types = nullptr)
{
    QHash<QString, QString> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader x(&f);
    QString context, source, translation;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement()) continue;
        if (x.name() == QLatin1String("name")) context = x.readElementText();
        else if (x.name() == QLatin1String("source")) source = x.readElementText();
        else if (x.name() == QLatin1String("translation")) {
            if (types) *types << x.attributes().value("type").toString();
            translation = x.readElementText(QXmlStreamReader::IncludeChildElements);
            out.insert(context + QChar(0x1f) + source, translation);
        }
    }
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
  private slots:
    void releasesFinished_data()
    {
        QTest::addColumn<QString>("file");
        for (const Catalogue& c : catalogues()) QTest::newRow(qPrintable(c.language)) << c.file;
    }
    void releasesFinished()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        const QString out = run(LRELEASE_PATH, {kSource + "/translations/" + file, "-qm", dir.filePath("x.qm")});
        QVERIFY2(!out.startsWith("FAILED"), qPrintable(out));
        const QRegularExpressionMatch m = QRegularExpression("Generated (\\d+) translation\\(s\\) \\((\\d+) finished and (\\d+) unfinished\\)").match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY2(m.captured(3).toInt() == 0, qPrintable(file + ": " + out));
        QVERIFY2(!out.contains("untranslated"), qPrintable(file + ": " + out));
        QVERIFY(m.captured(1).toInt() > 0);
        QStringList types;
        messages(kSource + "/translations/" + file, &types);
        QVERIFY2(!types.contains("obsolete") && !types.contains("vanished") && !types.contains("unfinished"),
                 qPrintable(file + " has obsolete, vanished or unfinished entries"));
    }

    void upToDate_data() { releasesFinished_data(); }
    void upToDate()
    {
        QFETCH(QString, file);
        Catalogue c;
        for (const Catalogue& k : catalogues())
            if (k.file == file) c = k;
        QTemporaryDir dir;
        const QString copy = dir.filePath(file);
        QVERIFY(QFile::copy(kSource + "/translations/" + file, copy));
        QStringList args{"-I", kSource, "-recursive", kSource + "/app", kSource + "/widgets", "-no-obsolete", "-locations", "none"};
        args << c.lupdateOptions << "-ts" << copy;
        const QString out = run(LUPDATE_PATH, args);
        QVERIFY2(!out.startsWith("FAILED"), qPrintable(out));
        const QHash<QString, QString> before = messages(kSource + "/translations/" + file), after = messages(copy);
        QStringList missing, extra;
        for (auto it = after.begin(); it != after.end(); ++it)
            if (!before.contains(it.key())) missing << QString(it.key()).replace(QChar(0x1f), ": ");
        for (auto it = before.begin(); it != before.end(); ++it)
            if (!after.contains(it.key())) extra << QString(it.key()).replace(QChar(0x1f), ": ");
        QVERIFY2(missing.isEmpty(), qPrintable(file + " lacks (run `ninja update_translations`, then translate): " + missing.join(" | ")));
        QVERIFY2(extra.isEmpty(), qPrintable(file + " has messages no source asks for: " + extra.join(" | ")));
    }

    // The notes' own words for the course's terms (issue 17).
    void courseTerms()
    {
        const QHash<QString, QString> zh = messages(kSource + "/translations/dllab_zh_CN.ts");
        QSet<QString> all;
        for (const QString& t : zh) all.insert(t);
        for (const char* word : {"梯度下降", "学习率", "批归一化", "非极大值抑制", "风格迁移", "循环神经网络", "门控", "长短期记忆"}) {
            bool found = false;
            for (const QString& t : all) found = found || t.contains(QString::fromUtf8(word));
            QVERIFY2(found, word);
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
