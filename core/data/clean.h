// SPDX-License-Identifier: MIT
// Cleaning a table (course chapter 12, "data cleaning and transformation"): what is wrong with each value and
// row, and the fixes — pure functions over a Table (table.h); the original file is never touched.
//
// Column types are inferred from the values that are not missing: integer, else float (both numbers), else ISO
// 8601 date (YYYY-MM-DD, optionally with a time), when at least 80 % of them have that form; else category.
// Problems, each naming the 1-based data row (header not counted), the file line and the column:
//   missing      empty, NA, N/A, null, None, NaN or "?"
//   malformed    a row with more or fewer fields than the header (its values are not checked further)
//   type         a value that is not of its column's type ("12 kg" in a float column)
//   invalid-date a date-shaped value that is no date (2023-02-30, month 13)
//   out-of-range a number outside the range the user set, else one whose robust z-score is beyond the limit:
//                the modified z-score M = 0.6745 (x − median) / MAD, |M| > 3.5 (Iglewicz & Hoaglin, "How to
//                Detect and Handle Outliers", 1993); when MAD is 0, M = (x − median) / (1.253314 · mean |x −
//                median|) (the mean absolute deviation's scale for normal data); no outliers when both are 0
//   pattern      a value the column's regular expression (ECMAScript, whole value) does not match (one over
//                1 000 characters is not matched but reported: libstdc++'s regex recurses per character)
//   category     a value outside the categories the user allowed
//   duplicate    a row equal, field by field, to an earlier one
#pragma once
#include "core/data/table.h"

#include <optional>
#include <string>
#include <vector>

namespace dl {

enum class ColumnType { Integer, Float, Date, Category };
const char* columnTypeName(ColumnType t); // "integer", "float", "date", "category"
std::optional<ColumnType> columnTypeFromName(const std::string& name);

enum class ProblemKind { Missing, Malformed, Type, InvalidDate, OutOfRange, Pattern, Category, Duplicate };
constexpr int kProblemKinds = 8;
const char* problemKindName(ProblemKind k); // "missing", "malformed", "type", "invalid-date", ...
std::optional<ProblemKind> problemKindFromName(const std::string& name);

// The user's rules for one column; what is not set is inferred.
struct ColumnRule {
    std::string column;
    std::optional<ColumnType> type;
    std::optional<double> lo, hi;        // a plausible range (numbers; dates as yyyymmdd numbers)
    std::string pattern;                 // a regular expression every value must match, empty for none
    std::vector<std::string> categories; // the allowed values, empty for any
};

struct CleanOptions {
    std::vector<ColumnRule> rules;
    double zLimit = 3.5; // |modified z| above it is out of range; 0 turns the z check off
    ColumnRule& rule(const std::string& column); // the column's rule, added when it has none
};

// A rule written as text, as dlcli clean's options and the lab's column table take it: `what` is "range"
// (LO:HI, an end may be empty; dates as yyyymmdd), "pattern" (a regular expression), "categories" (A|B|C) or
// "type" (integer|float|date|category); an empty spec clears that part of the rule. ConfigError in one
// sentence when the spec is not of that form (a pattern that is no regular expression included).
void setRule(CleanOptions& o, const std::string& column, const std::string& what, const std::string& spec);

struct ColumnSummary {
    std::string name;
    ColumnType type = ColumnType::Category;
    bool typeSet = false; // by a rule, not inferred
    int values = 0, missing = 0;
    double mean = 0, median = 0, mad = 0, min = 0, max = 0; // over the valid numbers (Integer, Float)
    double lo = 0, hi = 0;                                    // the plausible range used (numbers)
    std::string mode;                                         // the most frequent valid value
    int distinct = 0;
};

struct Problem {
    ProblemKind kind = ProblemKind::Missing;
    int row = 0;     // 1-based data row
    int line = 0;    // the file line the row starts on
    int column = -1; // index into the header, -1 for a whole row (malformed, duplicate)
    std::string value;
    std::string why;
};

struct CleanReport {
    std::vector<ColumnSummary> columns;
    std::vector<Problem> problems; // in row order, then column order
    int rows = 0;
    int count(ProblemKind k) const;
};

// Throws ConfigError in one sentence when a rule names no column of the table, a pattern is no valid regular
// expression or a range has lo > hi; DataError when the table has no header.
CleanReport inspectTable(const Table& t, const CleanOptions& options = {});

// What to do with each kind of problem. Not every action suits every kind; fixPlanError says which do.
enum class FixAction { Keep, Drop, Clip, ImputeMean, ImputeMedian, ImputeMode, Cast };
const char* fixActionName(FixAction a); // "keep", "drop", "clip", "mean", "median", "mode", "cast"
std::optional<FixAction> fixActionFromName(const std::string& name);
std::vector<FixAction> fixActionsFor(ProblemKind k); // the ones that apply, the default first

struct FixPlan {
    FixAction action[kProblemKinds];
    FixPlan(); // every kind's default: missing → median (mode for non-numbers), malformed → drop, type → cast,
               // invalid-date → drop, out-of-range → clip, pattern → drop, category → drop, duplicate → drop
    FixAction& operator[](ProblemKind k) { return action[int(k)]; }
    FixAction operator[](ProblemKind k) const { return action[int(k)]; }
};
// "" when every action suits its kind, else the sentence saying which does not.
std::string fixPlanError(const FixPlan& plan);

struct FixChange {
    int row = 0, line = 0;
    int column = -1;      // the cell changed, or the one whose problem dropped the row (-1: a whole-row problem)
    bool dropped = false; // the row is gone: by the plan, or because its fix found no value (`why` says which)
    std::string before, after;
    ProblemKind kind = ProblemKind::Missing;
    FixAction action = FixAction::Keep;
    std::string why;
};

struct FixResult {
    Table cleaned;                  // same header and separator; kept rows in order
    std::vector<FixChange> changes; // every value changed and every row dropped
    int dropped = 0, changed = 0;
};

// Applies the plan to the report's problems. A value that cannot be cast (no number in it) or imputed (no
// valid value in its column) drops its row; the change list says so. Throws ConfigError for an unfit plan.
FixResult applyFixes(const Table& t, const CleanReport& report, const FixPlan& plan = {});

} // namespace dl
