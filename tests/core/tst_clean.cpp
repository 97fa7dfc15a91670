// SPDX-License-Identifier: MIT
// The cleaner (core/data/clean.h): the planted table's ten problems found and nothing else; the modified
// z-score by hand (MAD and the mean-deviation fallback); the 80 % type rule; real and unreal dates; each fix;
// a rule naming no column, a broken pattern, an unfit plan: one sentence each.
#include "core/data/clean.h"
#include "core/data/clean_values.h"
#include "core/util/error.h"
#include "tests/message_of.h"

#include <QtTest>

namespace {

dl::Table table(const std::string& text)
{
    return dl::parseTable(text, "t.csv");
}

// "kind row column" per problem, column "-" for a whole row.
QStringList listed(const dl::Table& t, const dl::CleanReport& r)
{
    QStringList out;
    for (const dl::Problem& p : r.problems)
        out << QString("%1 %2 %3 %4")
                   .arg(dl::problemKindName(p.kind))
                   .arg(p.row)
                   .arg(p.line)
                   .arg(p.column < 0 ? QString("-") : QString::fromStdString(t.columns[size_t(p.column)]));
    return out;
}

dl::CleanOptions plantedRules()
{
    dl::CleanOptions o;
    o.rules.resize(2);
    o.rules[0].column = "phone", o.rules[0].pattern = R"(\d{3}-\d{4})";
    o.rules[1].column = "plan", o.rules[1].categories = {"basic", "pro", "team"};
    return o;
}

} // namespace

class TstClean : public QObject {
    Q_OBJECT
  private slots:
    void plantedProblemsAndNothingElse()
    {
        const dl::Table t = dl::loadTable(qEnvironmentVariable("DL_TEST_DATA").toStdString() + "/clean/planted.csv");
        const dl::CleanReport r = dl::inspectTable(t, plantedRules());
        // The file's comment and header are lines 1 and 2: data row n is line n + 2.
        QCOMPARE(listed(t, r), (QStringList{"missing 5 7 age", "invalid-date 7 9 joined", "missing 9 11 height_m",
                                            "out-of-range 10 12 age", "type 12 14 height_m", "type 14 16 height_m",
                                            "pattern 16 18 phone", "category 18 20 plan", "malformed 20 22 -",
                                            "duplicate 25 27 -"}));
        QCOMPARE(r.columns[2].type, dl::ColumnType::Integer);
        QCOMPARE(r.columns[3].type, dl::ColumnType::Float);
        QCOMPARE(r.columns[4].type, dl::ColumnType::Date);
        QCOMPARE(r.columns[6].type, dl::ColumnType::Category);
        QCOMPARE(r.problems[1].why, std::string("no such day: February 2023 has 28 days."));
        QCOMPARE(r.problems.back().why, std::string("the same as row 3 (line 5)."));
        // Without the rules the pattern and category problems are not problems.
        QCOMPARE(dl::inspectTable(t).problems.size(), size_t(8));
    }
    void robustZByHand()
    {
        // 1 2 3 4 100: median 3, |x − 3| = 2 1 0 1 97, MAD 1; M(100) = 0.6745 · 97 = 65.4 > 3.5, M(1) = 1.35.
        const dl::Table t = table("x\n1\n2\n3\n4\n100\n");
        const dl::CleanReport r = dl::inspectTable(t);
        QCOMPARE(r.columns[0].median, 3.0);
        QCOMPARE(r.columns[0].mad, 1.0);
        QCOMPARE(r.columns[0].hi, 3 + 3.5 / 0.6745);
        QCOMPARE(listed(t, r), QStringList{"out-of-range 5 6 x"});
        QVERIFY(r.problems[0].why.find("robust z 65.4") != std::string::npos);
        QCOMPARE(r.columns[0].mean, 2.5); // over the values in range
        // 5 5 5 5 9: MAD 0, so the scale is 1.253314 · mean |x − 5| = 1.253314 · 0.8; 9 − 5 = 4 > 3.5 · 1.0027.
        const dl::CleanReport flat = dl::inspectTable(table("x\n5\n5\n5\n5\n9\n"));
        QCOMPARE(flat.count(dl::ProblemKind::OutOfRange), 1); // (and three duplicate rows)
        QVERIFY(std::abs(flat.columns[0].hi - (5 + 3.5 * 1.253314 * 0.8)) < 1e-12);
        // All equal: no scale, no outliers; z off: none either; a range set replaces the z-score.
        QCOMPARE(dl::inspectTable(table("x\n7\n7\n7\n")).count(dl::ProblemKind::OutOfRange), 0);
        dl::CleanOptions off;
        off.zLimit = 0;
        QVERIFY(dl::inspectTable(t, off).problems.empty());
        dl::CleanOptions range;
        range.rules.push_back({"x", std::nullopt, 2.0, 50.0, "", {}});
        QCOMPARE(listed(t, dl::inspectTable(t, range)), (QStringList{"out-of-range 1 2 x", "out-of-range 5 6 x"}));
    }
    void typesByTheEightyPercentRule()
    {
        // 4 of 5 whole numbers (80 %): integer, and "abc" breaks it; 3 of 5 (60 %): category, nothing to say.
        const dl::CleanReport a = dl::inspectTable(table("v\n1\n2\n3\n4\nabc\n"));
        QCOMPARE(a.columns[0].type, dl::ColumnType::Integer);
        QCOMPARE(a.problems.size(), size_t(1));
        QCOMPARE(a.problems[0].why, std::string("not a whole number, as 80 % of the column's values are."));
        const dl::CleanReport b = dl::inspectTable(table("v\n1\n2\n3\nabc\ndef\n"));
        QCOMPARE(b.columns[0].type, dl::ColumnType::Category);
        QVERIFY(b.problems.empty());
        QCOMPARE(dl::inspectTable(table("v\n1\n2.5\n3e2\n-4\n")).columns[0].type, dl::ColumnType::Float);
        // A rule's type wins: "2.5" is then no whole number.
        dl::CleanOptions o;
        o.rules.push_back({"v", dl::ColumnType::Integer, {}, {}, "", {}});
        QCOMPARE(dl::inspectTable(table("v\n1\n2.5\n3\n"), o).problems.size(), size_t(1));
    }
    void missingTokens()
    {
        for (const char* m : {"", "NA", "n/a", "NULL", "None", "nan", "?"}) QVERIFY2(dl::isMissingValue(m), m);
        for (const char* v : {"0", "-", "nah", "none of them"}) QVERIFY2(!dl::isMissingValue(v), v);
        double x = 0;
        QVERIFY(!dl::parseNumber("inf", x) && !dl::parseNumber("1e999", x) && !dl::parseNumber("1.5x", x));
        QVERIFY(dl::parseNumber("+1.5e3", x) && x == 1500);
        QVERIFY(!dl::parseInteger("1234567890123456", x)); // 16 digits: not exact in a double
    }
    void dates()
    {
        dl::DateParts d;
        for (const char* ok : {"2024-02-29", "2000-02-29", "2023-12-31T23:59:60Z", "2023-01-01 08:30",
                               "2023-01-01T08:30:00.250+05:30", "2023-01-01T08:30-0800"}) {
            QVERIFY2(dl::parseDateShape(ok, d), ok);
            QVERIFY2(dl::dateError(d).empty(), ok);
        }
        for (const char* bad : {"1900-02-29", "2023-02-29", "2023-13-01", "2023-04-31", "2023-01-01T25:00"}) {
            QVERIFY2(dl::parseDateShape(bad, d), bad);
            QVERIFY2(!dl::dateError(d).empty(), bad);
        }
        for (const char* notDate : {"2023-1-01", "23-01-01", "2023-01-01T", "2023-01-01x", "2023/01/01"})
            QVERIFY2(!dl::parseDateShape(notDate, d), notDate);
        QCOMPARE(dl::dateText(20240229), std::string("2024-02-29"));
        // A date range is set as yyyymmdd numbers.
        dl::CleanOptions o;
        o.rules.push_back({"d", std::nullopt, 20200101.0, 20231231.0, "", {}});
        const dl::Table t = table("d\n2021-05-05\n2019-12-31\n2024-01-01\n");
        QCOMPARE(listed(t, dl::inspectTable(t, o)), (QStringList{"out-of-range 2 3 d", "out-of-range 3 4 d"}));
        const dl::FixResult f = dl::applyFixes(t, dl::inspectTable(t, o));
        QCOMPARE(f.cleaned.rows, (std::vector<std::vector<std::string>>{{"2021-05-05"}, {"2020-01-01"}, {"2023-12-31"}}));
    }
    void casts()
    {
        double x = 0;
        QVERIFY(dl::extractNumber("12 kg", x) && x == 12);
        QVERIFY(dl::extractNumber("1,5", x) && x == 1.5);
        QVERIFY(dl::extractNumber("1,234.5", x) && x == 1234.5);
        QVERIFY(dl::extractNumber("-3 °C", x) && x == -3);
        QVERIFY(!dl::extractNumber("tall", x));
        std::string iso;
        QVERIFY(dl::castDate("2023/02/03", iso) && iso == "2023-02-03");
        QVERIFY(!dl::castDate("2023/02/30", iso) && !dl::castDate("03.02.2023", iso));
    }
    void fixesOfThePlantedTable()
    {
        const dl::Table t = dl::loadTable(qEnvironmentVariable("DL_TEST_DATA").toStdString() + "/clean/planted.csv");
        const dl::CleanReport r = dl::inspectTable(t, plantedRules());
        const dl::FixResult f = dl::applyFixes(t, r); // the defaults
        // Dropped: the invalid date (7), "tall" (12: nothing to cast), the pattern (16), the category (18), the
        // malformed row (20), the duplicate (25). Changed: age 5 ← median, height 9 ← median, age 10 clipped,
        // height 14 cast from "1,82".
        QCOMPARE(f.dropped, 6);
        QCOMPARE(f.changed, 4);
        QCOMPARE(int(f.cleaned.rows.size()), 19);
        auto cell = [&](int id, int column) {
            for (const auto& row : f.cleaned.rows)
                if (row[0] == std::to_string(id)) return row[size_t(column)];
            return std::string("(dropped)");
        };
        QCOMPARE(cell(5, 2), std::string("37")); // the median of the 22 valid ages (36 and 38 → 37)
        QCOMPARE(cell(10, 2), std::to_string(int(std::floor(r.columns[2].hi))));
        QCOMPARE(cell(14, 3), std::string("1.82"));
        QCOMPARE(cell(12, 3), std::string("(dropped)"));
        const auto tall = std::find_if(f.changes.begin(), f.changes.end(), [](const dl::FixChange& c) { return c.row == 12; });
        QVERIFY(tall != f.changes.end() && tall->dropped && tall->why.find("nothing in it to cast") != std::string::npos);
        // Every problem kept: the table as it was.
        dl::FixPlan keep;
        for (int k = 0; k < dl::kProblemKinds; ++k) keep.action[k] = dl::FixAction::Keep;
        const dl::FixResult same = dl::applyFixes(t, r, keep);
        QCOMPARE(same.cleaned.rows, t.rows);
        QVERIFY(same.changes.empty());
        // Missing by the mean and by the mode; out of range dropped.
        dl::FixPlan other;
        other[dl::ProblemKind::Missing] = dl::FixAction::ImputeMean;
        other[dl::ProblemKind::OutOfRange] = dl::FixAction::Drop;
        const dl::FixResult g = dl::applyFixes(t, r, other);
        QCOMPARE(g.dropped, 7);
        for (const dl::FixChange& c : g.changes)
            if (c.row == 5) QCOMPARE(c.after, std::to_string(std::llround(r.columns[2].mean)));
    }
    void badRulesOneSentence()
    {
        const dl::Table t = table("a,b\n1,x\n");
        dl::CleanOptions o;
        o.rules.push_back({"c", std::nullopt, {}, {}, "", {}});
        QVERIFY(dltest::messageOf([&] { dl::inspectTable(t, o); }).contains("no column \"c\""));
        o.rules[0] = {"b", std::nullopt, {}, {}, "([a-z]", {}};
        QVERIFY(dltest::messageOf([&] { dl::inspectTable(t, o); }).contains("pattern of \"b\" is no regular expression"));
        o.rules[0] = {"a", std::nullopt, 5.0, 1.0, "", {}};
        QVERIFY(dltest::messageOf([&] { dl::inspectTable(t, o); }).contains("ends below where it starts"));
        // Rules written as text (dlcli's options, the lab's column table).
        dl::CleanOptions text;
        dl::setRule(text, "a", "range", ":5");
        dl::setRule(text, "b", "categories", "x|y");
        QVERIFY(!text.rules[0].lo && *text.rules[0].hi == 5);
        QCOMPARE(text.rules[1].categories, (std::vector<std::string>{"x", "y"}));
        dl::setRule(text, "b", "categories", "");
        QVERIFY(text.rules[1].categories.empty());
        QVERIFY(dltest::messageOf([&] { dl::setRule(text, "a", "range", "1-5"); }).contains("must be LO:HI"));
        QVERIFY(dltest::messageOf([&] { dl::setRule(text, "a", "type", "number"); }).contains("integer, float, date"));
        dl::FixPlan plan;
        plan[dl::ProblemKind::Duplicate] = dl::FixAction::ImputeMean;
        QCOMPARE(dl::fixPlanError(plan), std::string("\"mean\" does not fix duplicate values; choose drop, keep."));
        QVERIFY(dltest::messageOf([&] { dl::inspectTable(dl::parseTable("1,2\n", "t.csv", {.header = false})); })
                    .contains("no header"));
    }
};

QTEST_GUILESS_MAIN(TstClean)
#include "tst_clean.moc"
