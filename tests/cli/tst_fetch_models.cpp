// SPDX-License-Identifier: MIT
// scripts/fetch-models.sh (issue 17, "models on any machine"): a made-up manifest fetched from file:// sources
// (a plain file and a member of a .tgz) and from a mirror folder, every file equal to its source; a second run
// keeps them; a corrupted mirror copy is refused with one sentence and never installed (no .part left); a
// missing source, a bad manifest line, a mirror that is no folder and a local file that differs are each one
// sentence. Then the project's own manifest: a file:// mirror made from models/ and corpora/ gives every
// model and corpus, checked by hash, and a corrupted copy in it is refused.
#include "tests/require_files.h"
#include "tests/run_cli.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString script()
{
    return QString(DL_SOURCE_DIR) + "/scripts/fetch-models.sh";
}

bool write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sha256(const QByteArray& b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

// The manifest's line for `path` with `bytes`, from `source`.
QString line(const QString& path, const QByteArray& bytes, const QString& source)
{
    return QString("%1 %2 %3 %4\n").arg(path).arg(bytes.size()).arg(sha256(bytes), source);
}

// The script with DLLAB_MODEL_MIRROR set to `mirror` (unset when empty).
dltest::CliResult fetch(const QStringList& args, const QString& mirror = {})
{
    if (mirror.isEmpty()) qunsetenv("DLLAB_MODEL_MIRROR");
    else qputenv("DLLAB_MODEL_MIRROR", mirror.toUtf8());
    const dltest::CliResult r = dltest::runCli("/bin/bash", QStringList{script()} + args, 120000);
    qunsetenv("DLLAB_MODEL_MIRROR");
    return r;
}

} // namespace

class TstFetchModels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QByteArray m_a, m_b, m_c; // models/a.bin, corpora/b.txt, models/pkg/c.bin (a .tgz member)
    QString m_manifest;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QRandomGenerator rng(7);
        for (QByteArray* b : {&m_a, &m_b, &m_c})
            for (int i = 0; i < 3000; ++i) b->append(char(rng.bounded(256)));
        const QString src = m_dir.filePath("upstream");
        QVERIFY(write(src + "/a.bin", m_a) && write(src + "/b.txt", m_b) && write(src + "/package/model/c.bin", m_c));
        const dltest::CliResult tar = dltest::runCli("/bin/tar", {"-czf", src + "/pkg.tgz", "-C", src, "package"});
        QVERIFY2(tar.finished && tar.exitCode == 0, tar.err.constData());
        m_manifest = m_dir.filePath("test.manifest");
        QVERIFY(write(m_manifest, ("# a comment\n\n" + line("models/a.bin", m_a, "file://" + src + "/a.bin") +
                                   line("corpora/b.txt", m_b, "file://" + src + "/b.txt") +
                                   line("models/pkg/c.bin", m_c, "file://" + src + "/pkg.tgz#package/model/c.bin"))
                                      .toUtf8()));
        // The mirror: the manifest's paths under one folder.
        const QString mirror = m_dir.filePath("mirror");
        QVERIFY(write(mirror + "/models/a.bin", m_a) && write(mirror + "/corpora/b.txt", m_b) &&
                write(mirror + "/models/pkg/c.bin", m_c));
    }
    void fromSourcesThenKept()
    {
        const QString dest = m_dir.filePath("d1");
        dltest::CliResult r = fetch({"--manifest", m_manifest, "--dest", dest});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("0 present, 3 fetched, 0 missing or refused"), r.out.constData());
        QCOMPARE(read(dest + "/models/a.bin"), m_a);
        QCOMPARE(read(dest + "/corpora/b.txt"), m_b);
        QCOMPARE(read(dest + "/models/pkg/c.bin"), m_c);
        r = fetch({"--manifest", m_manifest, "--dest", dest});
        QVERIFY2(r.exitCode == 0 && r.out.contains("3 present, 0 fetched"), r.out.constData());
        r = fetch({"--manifest", m_manifest, "--dest", dest, "--check"});
        QCOMPARE(r.exitCode, 0);
    }
    void fromAMirror()
    {
        for (const QString& mirror : {m_dir.filePath("mirror"), "file://" + m_dir.filePath("mirror")}) {
            QTemporaryDir dest;
            const dltest::CliResult r = fetch({"--manifest", m_manifest, "--dest", dest.path()}, mirror);
            QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
            QCOMPARE(read(dest.filePath("models/pkg/c.bin")), m_c);
        }
    }
    void aCorruptedCopyIsRefused()
    {
        const QString mirror = m_dir.filePath("bad-mirror");
        QByteArray wrong = m_a;
        wrong[100] = char(wrong[100] ^ 1); // one bit, the same size
        QVERIFY(write(mirror + "/models/a.bin", wrong) && write(mirror + "/corpora/b.txt", m_b + "x"));
        QTemporaryDir dest;
        const dltest::CliResult r = fetch({"--manifest", m_manifest, "--dest", dest.path()}, mirror);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("fetch: refused models/a.bin from file://") &&
                     r.err.contains("the file is not installed"), r.err.constData());
        QVERIFY2(r.err.contains("refused corpora/b.txt") && r.err.contains("3001 bytes"), r.err.constData());
        QVERIFY2(r.err.contains("could not fetch models/pkg/c.bin"), r.err.constData()); // not in this mirror
        QVERIFY(!QFile::exists(dest.filePath("models/a.bin")) && !QFile::exists(dest.filePath("models/a.bin.part")));
        QVERIFY(!QFile::exists(dest.filePath("corpora/b.txt")));
        // --check says what is missing, fetching nothing.
        const dltest::CliResult c = fetch({"--manifest", m_manifest, "--dest", dest.path(), "--check"});
        QVERIFY2(c.exitCode == 1 && c.err.contains("models/a.bin is missing (3000 bytes"), c.err.constData());
    }
    void badInputsOneSentenceEach()
    {
        QTemporaryDir dest;
        dltest::CliResult r = fetch({"--manifest", m_manifest, "--dest", dest.path()}, "/no/such/mirror");
        QVERIFY2(r.exitCode == 2 && r.err.contains("is neither a folder nor a file://"), r.err.constData());
        const QString bad = m_dir.filePath("bad.manifest");
        QVERIFY(write(bad, "models/x.bin 12 nothex file:///x\n../escape 1 " + QByteArray(64, 'a') + " file:///x\n"));
        r = fetch({"--manifest", bad, "--dest", dest.path()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count("is not \"PATH BYTES SHA256 SOURCE\""), 2);
        r = fetch({"--manifest", m_dir.filePath("none.manifest"), "--dest", dest.path()});
        QVERIFY2(r.exitCode == 2 && r.err.contains("no manifest found"), r.err.constData());
        r = fetch({"--bogus"});
        QVERIFY2(r.exitCode == 2 && r.err.contains("unknown option --bogus"), r.err.constData());
        // A file the learner has that differs is left alone.
        QVERIFY(write(dest.filePath("models/a.bin"), "mine"));
        r = fetch({"--manifest", m_manifest, "--dest", dest.path()});
        QVERIFY2(r.exitCode == 1 && r.err.contains("differs from the manifest's sha256; left as it is"), r.err.constData());
        QCOMPARE(read(dest.filePath("models/a.bin")), QByteArray("mine"));
    }
    void theProjectsManifestThroughAMirror()
    {
        const QString root = DL_SOURCE_DIR;
        QStringList paths;
        QFile m(root + "/resources/models.manifest");
        QVERIFY(m.open(QIODevice::ReadOnly | QIODevice::Text));
        while (!m.atEnd()) {
            const QString l = QString::fromUtf8(m.readLine()).trimmed();
            if (!l.isEmpty() && !l.startsWith('#')) paths << l.section(' ', 0, 0);
        }
        QVERIFY(paths.size() >= 20);
        QStringList local;
        for (const QString& p : paths) local << root + "/" + p;
        DL_NEEDS_FILES(local, "resources/models.manifest's sources, put into models/ and corpora/ by scripts/setup.sh");
        QTemporaryDir mirror, dest, dest2;
        for (const QString& p : paths) {
            QDir().mkpath(QFileInfo(mirror.filePath(p)).path());
            QVERIFY(QFile::copy(root + "/" + p, mirror.filePath(p))); // follows the links into ../shared
        }
        dltest::CliResult r = fetch({"--dest", dest.path()}, "file://" + mirror.path());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QString("0 present, %1 fetched, 0 missing").arg(paths.size()).toUtf8()), r.out.constData());
        for (const QString& p : paths) QCOMPARE(sha256(read(dest.filePath(p))), sha256(read(root + "/" + p)));
        const QString victim = mirror.filePath("models/tiny-darknet/tiny.weights");
        QFile::setPermissions(victim, QFile::permissions(victim) | QFileDevice::WriteOwner);
        QVERIFY(write(victim, read(victim).left(1000)));
        r = fetch({"--dest", dest2.path()}, "file://" + mirror.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("refused models/tiny-darknet/tiny.weights") && r.err.count('\n') == 1, r.err.constData());
        QVERIFY(!QFile::exists(dest2.filePath("models/tiny-darknet/tiny.weights")));
    }
};

QTEST_GUILESS_MAIN(TstFetchModels)
#include "tst_fetch_models.moc"
