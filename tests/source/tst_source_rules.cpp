// SPDX-License-Identifier: MIT
// The layout's rules, read in the source tree (the lab-contract issue; STYLE.md): core/ includes no Qt and
// nothing above it; widgets/ knows no lab; outside app/labs/ only the registries name a lab; no lab's folder
// includes another lab's files; and every user-visible string in app/ and widgets/ goes through tr() (so
// the labs can be translated). Each rule is checked on a planted violation first, so none can pass by
// matching nothing.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

struct Source {
    QString path; // relative to the source tree: "app/labs/images/images_page.cpp"
    QString text;
};

QList<Source> sources(const QStringList& roots)
{
    QList<Source> out;
    const QString base = QStringLiteral(DL_SOURCE_DIR) + "/";
    for (const QString& root : roots) {
        QDirIterator it(base + root, {"*.h", "*.cpp"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            QFile f(p);
            if (!f.open(QIODevice::ReadOnly)) continue;
            out.push_back({p.mid(base.size()), QString::fromUtf8(f.readAll())});
        }
    }
    return out;
}

QStringList includes(const QString& text)
{
    static const QRegularExpression inc(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])",
                                        QRegularExpression::MultilineOption);
    QStringList out;
    for (auto it = inc.globalMatch(text); it.hasNext();) out << it.next().captured(1);
    return out;
}

QString labOf(const QString& path) // "images" for app/labs/images/..., empty elsewhere
{
    static const QRegularExpression lab(R"(^app/labs/([^/]+)/)");
    const auto m = lab.match(path);
    return m.hasMatch() ? m.captured(1) : QString();
}

// Why a file breaks the include rules, or empty.
QString includeViolation(const Source& s)
{
    for (const QString& inc : includes(s.text)) {
        if (s.path.startsWith("core/") &&
            (inc.startsWith('Q') || inc.startsWith("widgets/") || inc.startsWith("app/")))
            return s.path + " (core) includes " + inc;
        if (s.path.startsWith("widgets/") && inc.startsWith("app/"))
            return s.path + " (widgets, which know no lab) includes " + inc;
        if (inc.startsWith("app/labs/")) {
            const QString lab = labOf(s.path), target = labOf(inc);
            const bool registry = s.path == "app/labs.cpp" || s.path == "app/main_cli.cpp";
            if (lab.isEmpty() && !registry) return s.path + " names a lab outside the registry: " + inc;
            if (!lab.isEmpty() && target != lab) return s.path + " (lab " + lab + ") includes " + inc;
        }
    }
    return {};
}

// User-visible text handed to a widget, an action or the status bar as a literal, outside tr().
QStringList untranslated(const Source& s)
{
    static const QString calls = "setText|setToolTip|setWindowTitle|setPlaceholderText|setStatusTip|setTitle|"
                                 "setEmptyText|setSpecialValueText|setSuffix|setPrefix|showMessage|addMenu|"
                                 "addToolBar|QLabel|QPushButton|QCheckBox|QGroupBox|QRadioButton|QToolButton|"
                                 "QAction|setHorizontalHeaderLabels|setVerticalHeaderLabels|setLabel|"
                                 "emit message|emit failed|emit info|emit busy|information|warning|critical|question";
    // the call, then up to one argument that is not a literal, then a literal with two or more letters
    static const QRegularExpression direct(
        "\\b(" + calls + ")\\s*\\(\\s*(?:[^\"(),;]+,\\s*)?(?:QStringLiteral\\(\\s*|\\{\\s*)?\"([^\"]*[A-Za-z]{2,}[^\"]*)\"");
    static const QRegularExpression second(
        "\\b(addTab|addAction|addItem|insertItem|setTabText)\\s*\\((?:[^\"();]|\\([^()]*\\))*?,\\s*"
        "(?:QStringLiteral\\(\\s*)?\"([^\"]*[A-Za-z]{2,}[^\"]*)\"");
    static const QRegularExpression first(
        "\\b(addAction|addItem|addMenu)\\s*\\(\\s*(?:QStringLiteral\\(\\s*)?\"([^\"]*[A-Za-z]{2,}[^\"]*)\"");
    QStringList out;
    const QStringList lines = s.text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        // a call and its literal may be split over two lines
        const QString line = lines[i] + (i + 1 < lines.size() ? " " + lines[i + 1].trimmed() : QString());
        if (lines[i].trimmed().startsWith("//")) continue;
        for (const QRegularExpression* re : {&direct, &second, &first})
            for (auto it = re->globalMatch(line); it.hasNext();) {
                const auto m = it.next();
                if (m.capturedStart() >= lines[i].size()) continue; // found again on the next line
                if (re == &second && m.captured(0).contains("tr(")) continue; // a translated text, then data
                if (re == &second && m.captured(1).endsWith("Item") && !m.captured(0).contains("con"))
                    continue; // addItem(text, data): the literal is data (addItem(icon, text) is the other form)
                out << QStringLiteral("%1:%2: \"%3\"").arg(s.path).arg(i + 1).arg(m.captured(2));
            }
    }
    return out;
}

} // namespace

class TstSourceRules : public QObject {
    Q_OBJECT
  private slots:
    void theRulesCatchAPlantedViolation()
    {
        QVERIFY(!includeViolation({"core/x.cpp", "#include <QString>\n"}).isEmpty());
        QVERIFY(!includeViolation({"widgets/x.cpp", "#include \"app/labs/style/style_page.h\"\n"}).isEmpty());
        QVERIFY(!includeViolation({"app/gui/x.cpp", "#include \"app/labs/style/style_page.h\"\n"}).isEmpty());
        QVERIFY(!includeViolation({"app/labs/images/x.cpp", "#include \"app/labs/style/style_page.h\"\n"}).isEmpty());
        QVERIFY(includeViolation({"app/labs/style/x.cpp", "#include \"app/labs/style/style_page.h\"\n"}).isEmpty());
        QVERIFY(includeViolation({"app/labs.cpp", "#include \"app/labs/style/style_page.h\"\n"}).isEmpty());
        QCOMPARE(untranslated({"a.cpp", "    m_info->setText(\"Paused\");\n"}).size(), 1);
        QCOMPARE(untranslated({"a.cpp", "    emit failed(QStringLiteral(\"No model is open\"));\n"}).size(), 1);
        QCOMPARE(untranslated({"a.cpp", "    tabs->addTab(buildTab(), \"Training\");\n"}).size(), 1);
        QCOMPARE(untranslated({"a.cpp", "    box->addItem(\"flower\", 3);\n"}).size(), 1);
        QCOMPARE(untranslated({"a.cpp", "    auto* l = new QLabel(\n        \"Speed\");\n"}).size(), 1);
        QCOMPARE(untranslated({"a.cpp", "    m_info->setText(tr(\"Paused\"));\n"}).size(), 0);
        QCOMPARE(untranslated({"a.cpp", "    m_info->setText(QString(\"%1 ms\").arg(t));\n"}).size(), 0);
        QCOMPARE(untranslated({"a.cpp", "    m_name->setText(\"x\");\n"}).size(), 0);
        QCOMPARE(untranslated({"a.cpp", "    box->addItem(tr(\"Faces\"), \"face\");\n"}).size(), 0); // data
    }
    void layersIncludeOnlyDownwardsAndLabsStayInTheirFolders()
    {
        QStringList bad;
        const QList<Source> all = sources({"core", "widgets", "app"});
        QVERIFY(all.size() > 100);
        for (const Source& s : all)
            if (const QString why = includeViolation(s); !why.isEmpty()) bad << why;
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join('\n')));
    }
    void everyVisibleStringGoesThroughTr()
    {
        QStringList bad;
        for (const Source& s : sources({"widgets", "app", "docs/examples"})) {
            if (QFileInfo(s.path).fileName().startsWith("cli") || s.path.startsWith("app/cli/") ||
                s.path == "app/main_cli.cpp")
                continue; // dlcli: Qt-free, its messages are the parser's (no translations there)
            bad << untranslated(s);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QString::number(bad.size()) + " literal(s) outside tr():\n" + bad.join('\n')));
    }
};

QTEST_APPLESS_MAIN(TstSourceRules)
#include "tst_source_rules.moc"
