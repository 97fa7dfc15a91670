// SPDX-License-Identifier: MIT
// The project's one CSV reader (core/data/table.h, RFC 4180): quoted fields with separators, quotes and line
// breaks inside, CRLF, a byte-order mark, comments and blank lines, the separator of the first data line (or
// of each record), ragged rows kept, each row's file line; errors name the line; writing reads back the same.
#include "core/data/table.h"
#include "core/util/error.h"
#include "tests/message_of.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
using Rows = std::vector<std::vector<std::string>>;
}

class TstTable : public QObject {
    Q_OBJECT
  private slots:
    void quotedFields()
    {
        // RFC 4180 §2: a quoted field may hold the separator, a line break and "" for one quote.
        const std::string text = "name,note,n\r\n\"Smith, Anna\",\"said \"\"hi\"\"\nthen left\",3\r\n  Bob , x ,4\n";
        const dl::Table t = dl::parseTable(text, "t.csv");
        QCOMPARE(t.columns, (std::vector<std::string>{"name", "note", "n"}));
        QCOMPARE(t.rows, (Rows{{"Smith, Anna", "said \"hi\"\nthen left", "3"}, {"Bob", "x", "4"}}));
        QCOMPARE(t.lines, (std::vector<int>{2, 4})); // the second row starts after the quoted line break
        QCOMPARE(t.headerLine, 1);
        QCOMPARE(t.separator, ',');
    }
    void commentsBlanksBomAndSeparators()
    {
        const dl::Table t = dl::parseTable("\xEF\xBB\xBF# about\n\na;b\n\n1;2,5\n# more\n3;\n", "t.csv");
        QCOMPARE(t.separator, ';'); // the first data line has no comma: semicolons
        QCOMPARE(t.columns, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(t.rows, (Rows{{"1", "2,5"}, {"3", ""}})); // a decimal comma stays in its field; a trailing empty field
        QCOMPARE(t.lines, (std::vector<int>{5, 7}));
        const dl::Table tabs = dl::parseTable("x\ty\n1\t2\n", "t.tsv");
        QCOMPARE(tabs.separator, '\t');
        QCOMPARE(tabs.rows, (Rows{{"1", "2"}}));
        // Each record its own separator (the Playground's hand-written point lists), no header.
        const dl::Table mixed = dl::parseTable("1,2,a\n3;4;b\n", "p.csv", {.header = false, .separatorPerRecord = true});
        QCOMPARE(mixed.rows, (Rows{{"1", "2", "a"}, {"3", "4", "b"}}));
        QVERIFY(mixed.columns.empty());
    }
    void raggedRowsAreKept()
    {
        const dl::Table t = dl::parseTable("a,b,c\n1,2\n1,2,3,4\n", "t.csv");
        QCOMPARE(t.rows, (Rows{{"1", "2"}, {"1", "2", "3", "4"}}));
        QCOMPARE(t.width(), 3);
    }
    void emptyText()
    {
        const dl::Table t = dl::parseTable("# nothing\n\n", "t.csv");
        QVERIFY(t.columns.empty() && t.rows.empty());
        QVERIFY(dl::parseTable("", "t.csv").rows.empty());
    }
    void errorsNameTheLine()
    {
        const QString open = dltest::messageOf([] { dl::parseTable("a,b\n1,2\n3,\"four\n5,6\n", "t.csv"); });
        QVERIFY2(open.contains("t.csv, line 3") && open.contains("never closed"), qPrintable(open));
        const QString after = dltest::messageOf([] { dl::parseTable("a,b\n1,\"2\"x\n", "t.csv"); });
        QVERIFY2(after.contains("line 2") && after.contains("closing quote"), qPrintable(after));
        QVERIFY(dltest::messageOf([] { dl::loadTable("/nonexistent/t.csv"); }).contains("/nonexistent/t.csv"));
    }
    void writeReadsBack()
    {
        dl::Table t;
        t.columns = {"a", "b c", "#d"};
        t.rows = {{"1", "x,y", "say \"no\""}, {"", " padded ", "line\nbreak"}, {"#not a comment", "", ""}};
        const std::string text = dl::writeTable(t);
        QVERIFY(text.find("\"x,y\"") != std::string::npos && text.find("\"say \"\"no\"\"\"") != std::string::npos);
        const dl::Table back = dl::parseTable(text, "w.csv");
        QCOMPARE(back.columns, t.columns);
        QCOMPARE(back.rows, t.rows);
        dl::Table one; // a row of one empty field is written as "" (a blank line would be skipped)
        one.columns = {"only"};
        one.rows = {{""}, {"v"}};
        QCOMPARE(dl::parseTable(dl::writeTable(one), "o.csv").rows, one.rows);
        dl::Table semi = t;
        semi.separator = ';';
        QCOMPARE(dl::parseTable(dl::writeTable(semi), "s.csv").rows, t.rows);
    }
    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("t.csv").toStdString();
        dl::Table t;
        t.columns = {"a"};
        t.rows = {{"1"}};
        dl::saveTable(t, path);
        QCOMPARE(dl::loadTable(path).rows, t.rows);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"t.csv"}); // no temporary file left
    }
};

QTEST_GUILESS_MAIN(TstTable)
#include "tst_table.moc"
