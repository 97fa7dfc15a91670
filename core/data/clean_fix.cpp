// SPDX-License-Identifier: MIT
// The fixes of clean.h: drop a row, clip a number into its plausible range, impute the column's mean, median
// or most frequent value (course chapter 12, "data cleaning": missing values), cast to the column's type.
#include "core/data/clean.h"

#include "core/data/clean_values.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace dl {

namespace {

const char* const kActionNames[] = {"keep", "drop", "clip", "mean", "median", "mode", "cast"};

bool numeric(ColumnType t)
{
    return t == ColumnType::Integer || t == ColumnType::Float;
}

std::string numberCell(ColumnType t, double v)
{
    if (t == ColumnType::Integer) return std::to_string(std::llround(v));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// The new text of a cell under `a`, or false when it has none (the row is then dropped).
bool fixedValue(FixAction a, const Problem& p, const ColumnSummary& s, std::string& out)
{
    const bool canAverage = numeric(s.type) && s.values > 0 && s.mean == s.mean;
    switch (a) {
    case FixAction::Clip: {
        double x = 0;
        DateParts d;
        if (s.type == ColumnType::Date && parseDateShape(p.value, d)) { // a date outside the range set: its nearer end
            out = dateText(std::clamp(dateNumber(d), s.lo, s.hi));
            return true;
        }
        if (!(s.type == ColumnType::Integer ? parseInteger(p.value, x) : parseNumber(p.value, x))) return false;
        const double lo = s.type == ColumnType::Integer ? std::ceil(s.lo) : s.lo;
        const double hi = s.type == ColumnType::Integer ? std::floor(s.hi) : s.hi;
        out = numberCell(s.type, std::clamp(x, lo, hi));
        return true;
    }
    case FixAction::ImputeMean:
    case FixAction::ImputeMedian:
        if (canAverage) {
            out = numberCell(s.type, a == FixAction::ImputeMean ? s.mean : s.median);
            return true;
        }
        [[fallthrough]]; // not a number column: its most frequent value
    case FixAction::ImputeMode:
        out = s.mode;
        return !s.mode.empty();
    case FixAction::Cast: {
        double x = 0;
        if (numeric(s.type) && extractNumber(p.value, x)) {
            out = numberCell(s.type, x);
            return true;
        }
        return s.type == ColumnType::Date && castDate(p.value, out);
    }
    default:
        return false;
    }
}

} // namespace

const char* fixActionName(FixAction a)
{
    return kActionNames[int(a)];
}

std::optional<FixAction> fixActionFromName(const std::string& name)
{
    for (int i = 0; i < 7; ++i)
        if (name == kActionNames[i]) return FixAction(i);
    return std::nullopt;
}

std::vector<FixAction> fixActionsFor(ProblemKind k)
{
    using A = FixAction;
    switch (k) {
    case ProblemKind::Missing: return {A::ImputeMedian, A::ImputeMean, A::ImputeMode, A::Drop, A::Keep};
    case ProblemKind::Type: return {A::Cast, A::Drop, A::ImputeMedian, A::ImputeMean, A::ImputeMode, A::Keep};
    case ProblemKind::OutOfRange: return {A::Clip, A::Drop, A::ImputeMedian, A::ImputeMean, A::Keep};
    case ProblemKind::InvalidDate:
    case ProblemKind::Pattern:
    case ProblemKind::Category: return {A::Drop, A::ImputeMode, A::Keep};
    case ProblemKind::Malformed:
    case ProblemKind::Duplicate: return {A::Drop, A::Keep};
    }
    return {};
}

FixPlan::FixPlan()
{
    for (int k = 0; k < kProblemKinds; ++k) action[k] = fixActionsFor(ProblemKind(k)).front();
}

std::string fixPlanError(const FixPlan& plan)
{
    for (int k = 0; k < kProblemKinds; ++k) {
        const auto ok = fixActionsFor(ProblemKind(k));
        if (std::find(ok.begin(), ok.end(), plan.action[k]) != ok.end()) continue;
        std::string list;
        for (FixAction a : ok) list += (list.empty() ? "" : ", ") + std::string(fixActionName(a));
        return std::string("\"") + fixActionName(plan.action[k]) + "\" does not fix " + problemKindName(ProblemKind(k)) +
               " values; choose " + list + ".";
    }
    return "";
}

FixResult applyFixes(const Table& t, const CleanReport& report, const FixPlan& plan)
{
    const std::string bad = fixPlanError(plan);
    if (!bad.empty()) throw ConfigError(bad);
    FixResult r;
    std::vector<std::vector<std::string>> rows = t.rows;
    std::vector<char> drop(rows.size(), 0);
    std::vector<FixChange> cells;
    for (const Problem& p : report.problems) {
        const FixAction a = plan[p.kind];
        const size_t i = size_t(p.row - 1);
        if (a == FixAction::Keep || i >= rows.size() || drop[i]) continue;
        FixChange c;
        c.row = p.row, c.line = p.line, c.column = p.column, c.kind = p.kind, c.action = a, c.before = p.value;
        std::string value;
        if (a != FixAction::Drop && p.column >= 0 && fixedValue(a, p, report.columns[size_t(p.column)], value)) {
            c.after = value;
            rows[i][size_t(p.column)] = value;
            cells.push_back(c);
            continue;
        }
        drop[i] = 1, c.dropped = true;
        if (a != FixAction::Drop)
            c.why = a == FixAction::Cast   ? "nothing in it to cast; the row is dropped."
                    : a == FixAction::Clip ? "no number to clip; the row is dropped."
                                           : "its column has no valid value to impute; the row is dropped.";
        r.changes.push_back(c);
    }
    for (const FixChange& c : cells)
        if (!drop[size_t(c.row - 1)]) r.changes.push_back(c), ++r.changed;
    std::stable_sort(r.changes.begin(), r.changes.end(), [](const FixChange& a, const FixChange& b) {
        return a.row < b.row;
    });
    r.cleaned.columns = t.columns, r.cleaned.separator = t.separator, r.cleaned.headerLine = t.headerLine;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (drop[i]) {
            ++r.dropped;
            continue;
        }
        r.cleaned.rows.push_back(std::move(rows[i]));
        r.cleaned.lines.push_back(t.lines[i]);
    }
    return r;
}

} // namespace dl
