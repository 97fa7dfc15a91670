// SPDX-License-Identifier: MIT
// The checks of clean.h. Fixes are in clean_fix.cpp.
#include "core/data/clean.h"

#include "core/data/clean_values.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <unordered_map>

namespace dl {

namespace {

constexpr size_t kMaxPatternValue = 1000;
const char* const kTypeNames[] = {"integer", "float", "date", "category"};
const char* const kKindNames[] = {"missing", "malformed",  "type",      "invalid-date",
                                  "out-of-range", "pattern", "category", "duplicate"};

// What the checks need of one column beside its summary.
struct ColumnCheck {
    const ColumnRule* rule = nullptr;
    std::optional<std::regex> pattern;
    double share = 0; // of the values that have the column's type (the inference's evidence)
};

bool numeric(ColumnType t)
{
    return t == ColumnType::Integer || t == ColumnType::Float;
}

// Infers the type of column c from its non-missing values (clean.h: the 80 % rule).
void inferType(const Table& t, int c, ColumnSummary& s, double& share)
{
    int n = 0, ints = 0, nums = 0, dates = 0;
    for (const auto& row : t.rows) {
        if (int(row.size()) != t.width() || isMissingValue(row[c])) continue;
        double v = 0;
        DateParts d;
        ++n;
        ints += parseInteger(row[c], v);
        nums += parseNumber(row[c], v);
        dates += parseDateShape(row[c], d);
    }
    s.type = ColumnType::Category, share = 1;
    if (n == 0) return;
    if (ints >= 0.8 * n) s.type = ColumnType::Integer, share = double(ints) / n;
    else if (nums >= 0.8 * n) s.type = ColumnType::Float, share = double(nums) / n;
    else if (dates >= 0.8 * n) s.type = ColumnType::Date, share = double(dates) / n;
}

// The value's number when it has its column's type; false otherwise (and for categories).
bool typedNumber(ColumnType type, const std::string& v, double& x)
{
    if (type == ColumnType::Integer) return parseInteger(v, x);
    if (type == ColumnType::Float) return parseNumber(v, x);
    DateParts d;
    if (type == ColumnType::Date && parseDateShape(v, d) && dateError(d).empty()) {
        x = dateNumber(d);
        return true;
    }
    return false;
}

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    const size_t h = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + h, v.end());
    const double hi = v[h];
    if (v.size() % 2) return hi;
    return (*std::max_element(v.begin(), v.begin() + h) + hi) / 2;
}

// Median, MAD and the plausible range of a numeric column (clean.h: the modified z-score).
void robustRange(const std::vector<double>& x, double zLimit, ColumnSummary& s)
{
    s.median = median(x);
    std::vector<double> dev(x.size());
    double meanDev = 0;
    for (size_t i = 0; i < x.size(); ++i) dev[i] = std::abs(x[i] - s.median), meanDev += dev[i];
    s.mad = median(dev);
    meanDev = x.empty() ? 0 : meanDev / double(x.size());
    // |M| > z ⇔ |x − median| > z · scale, scale = MAD / 0.6745 or 1.253314 · mean |x − median|.
    const double scale = s.mad > 0 ? s.mad / 0.6745 : 1.253314 * meanDev;
    const bool off = zLimit <= 0 || scale <= 0;
    s.lo = off ? -HUGE_VAL : s.median - zLimit * scale;
    s.hi = off ? HUGE_VAL : s.median + zLimit * scale;
}

// The summary of column c: its type (inferred unless a rule sets it), counts, statistics and plausible range.
ColumnSummary summarise(const Table& t, int c, const ColumnRule* rule, double zLimit, double& share)
{
    ColumnSummary s;
    s.name = t.columns[c];
    inferType(t, c, s, share);
    if (rule && rule->type) s.type = *rule->type, s.typeSet = true;
    std::vector<double> x;
    std::map<std::string, int> counts;
    for (const auto& row : t.rows) {
        if (int(row.size()) != t.width()) continue;
        if (isMissingValue(row[c])) {
            ++s.missing;
            continue;
        }
        ++s.values;
        double v = 0;
        const bool typed = typedNumber(s.type, row[c], v);
        if (typed && numeric(s.type)) x.push_back(v);
        if (typed || s.type == ColumnType::Category) ++counts[row[c]];
    }
    s.distinct = int(counts.size());
    int best = 0;
    for (const auto& [value, n] : counts)
        if (n > best) best = n, s.mode = value;
    if (!numeric(s.type)) {
        s.lo = rule && rule->lo ? *rule->lo : -HUGE_VAL, s.hi = rule && rule->hi ? *rule->hi : HUGE_VAL;
        return s;
    }
    robustRange(x, zLimit, s);
    if (rule && (rule->lo || rule->hi)) // the user's range replaces the z-score's
        s.lo = rule->lo.value_or(-HUGE_VAL), s.hi = rule->hi.value_or(HUGE_VAL);
    if (!x.empty()) s.min = *std::min_element(x.begin(), x.end()), s.max = *std::max_element(x.begin(), x.end());
    int in = 0;
    for (double v : x)
        if (v >= s.lo && v <= s.hi) s.mean += v, ++in;
    s.mean = in ? s.mean / in : s.median;
    return s;
}

std::string rangeText(const ColumnSummary& s)
{
    auto end = [&](double v) {
        if (std::isinf(v)) return std::string(v < 0 ? "−∞" : "∞");
        return s.type == ColumnType::Date ? dateText(v) : numberText(v);
    };
    return end(s.lo) + " – " + end(s.hi);
}

std::string typeWhy(const ColumnSummary& s, double share)
{
    const std::string what = s.type == ColumnType::Integer ? "a whole number"
                             : s.type == ColumnType::Float ? "a number"
                                                           : "an ISO date (YYYY-MM-DD)";
    if (s.typeSet) return "not " + what + ", as the column's rule asks.";
    return "not " + what + ", as " + std::to_string(int(std::floor(share * 100))) + " % of the column's values are.";
}

// The problems of one well-formed row's value in column c, appended to `out`.
void checkValue(const std::string& v, const ColumnSummary& s, const ColumnCheck& ck, Problem p,
                std::vector<Problem>& out)
{
    auto add = [&](ProblemKind k, std::string why) {
        p.kind = k, p.value = v, p.why = std::move(why);
        out.push_back(p);
    };
    if (isMissingValue(v)) return add(ProblemKind::Missing, "the value is missing.");
    double x = 0;
    if (numeric(s.type) && !typedNumber(s.type, v, x)) return add(ProblemKind::Type, typeWhy(s, ck.share));
    DateParts d;
    if (s.type == ColumnType::Date) {
        if (!parseDateShape(v, d)) return add(ProblemKind::Type, typeWhy(s, ck.share));
        const std::string bad = dateError(d);
        if (!bad.empty()) return add(ProblemKind::InvalidDate, bad);
        x = dateNumber(d);
    }
    // libstdc++'s std::regex recurses once per character (GCC bug 86164): longer values are not matched.
    if (ck.pattern && v.size() > kMaxPatternValue)
        add(ProblemKind::Pattern, "longer than " + std::to_string(kMaxPatternValue) + " characters, too long to match.");
    else if (ck.pattern && !std::regex_match(v, *ck.pattern))
        add(ProblemKind::Pattern, "does not match the pattern " + ck.rule->pattern + ".");
    const auto& cats = ck.rule ? ck.rule->categories : std::vector<std::string>();
    if (!cats.empty() && std::find(cats.begin(), cats.end(), v) == cats.end())
        add(ProblemKind::Category, "not one of the " + std::to_string(cats.size()) + " allowed categories.");
    if (s.type != ColumnType::Category && (x < s.lo || x > s.hi)) {
        const bool set = ck.rule && (ck.rule->lo || ck.rule->hi);
        const std::string note = set         ? "the range set for the column"
                                 : s.mad > 0 ? "robust z " + numberText(0.6745 * (x - s.median) / s.mad)
                                             : "most values are equal; their mean deviation sets the scale";
        const std::string why = (x < s.lo ? "below" : "above") + std::string(" the plausible range ") + rangeText(s) +
                                " (" + note + ").";
        add(ProblemKind::OutOfRange, why);
    }
}

const ColumnRule* ruleOf(const CleanOptions& o, const std::string& column)
{
    for (const ColumnRule& r : o.rules)
        if (r.column == column) return &r;
    return nullptr;
}

void checkRules(const Table& t, const CleanOptions& o)
{
    for (const ColumnRule& r : o.rules) {
        if (std::find(t.columns.begin(), t.columns.end(), r.column) == t.columns.end())
            throw ConfigError("The table has no column \"" + r.column + "\"; its columns are named in its first line.");
        if (r.lo && r.hi && *r.lo > *r.hi)
            throw ConfigError("The range of \"" + r.column + "\" ends below where it starts (" + numberText(*r.lo) +
                              " > " + numberText(*r.hi) + ").");
    }
    if (!(o.zLimit >= 0)) throw ConfigError("The robust z limit must be 0 (off) or more.");
}

void findDuplicates(const Table& t, std::vector<Problem>& out)
{
    std::unordered_map<std::string, int> first; // the row's fields joined by a unit separator → its index
    for (size_t i = 0; i < t.rows.size(); ++i) {
        std::string key;
        for (const std::string& f : t.rows[i]) key += f, key += '\x1f';
        const auto [it, fresh] = first.emplace(key, int(i));
        if (fresh) continue;
        Problem p;
        p.kind = ProblemKind::Duplicate, p.row = int(i) + 1, p.line = t.lines[i];
        p.why = "the same as row " + std::to_string(it->second + 1) + " (line " + std::to_string(t.lines[it->second]) + ").";
        out.push_back(p);
    }
}

} // namespace

const char* columnTypeName(ColumnType t)
{
    return kTypeNames[int(t)];
}

std::optional<ColumnType> columnTypeFromName(const std::string& name)
{
    for (int i = 0; i < 4; ++i)
        if (name == kTypeNames[i]) return ColumnType(i);
    return std::nullopt;
}

const char* problemKindName(ProblemKind k)
{
    return kKindNames[int(k)];
}

std::optional<ProblemKind> problemKindFromName(const std::string& name)
{
    for (int i = 0; i < kProblemKinds; ++i)
        if (name == kKindNames[i]) return ProblemKind(i);
    return std::nullopt;
}

ColumnRule& CleanOptions::rule(const std::string& column)
{
    for (ColumnRule& r : rules)
        if (r.column == column) return r;
    rules.push_back({});
    rules.back().column = column;
    return rules.back();
}

void setRule(CleanOptions& o, const std::string& column, const std::string& what, const std::string& spec)
{
    ColumnRule& r = o.rule(column);
    if (what == "pattern") {
        try {
            std::regex check(spec, std::regex::ECMAScript); // refused here, before any table is checked
        } catch (const std::regex_error& e) {
            throw ConfigError("The pattern of \"" + column + "\" is no regular expression (" + e.what() + ").");
        }
        r.pattern = spec;
    } else if (what == "categories") {
        r.categories.clear();
        for (size_t at = 0; !spec.empty() && at <= spec.size();) {
            const size_t bar = std::min(spec.find('|', at), spec.size());
            r.categories.push_back(spec.substr(at, bar - at));
            at = bar + 1;
        }
    } else if (what == "type") {
        r.type = spec.empty() ? std::nullopt : columnTypeFromName(spec);
        if (!spec.empty() && !r.type)
            throw ConfigError("The type of \"" + column + "\" must be integer, float, date or category, not \"" + spec + "\".");
    } else if (what == "range") {
        const size_t colon = spec.find(':');
        double lo = 0, hi = 0;
        const std::string a = spec.substr(0, colon), b = colon == std::string::npos ? "" : spec.substr(colon + 1);
        if ((!spec.empty() && colon == std::string::npos) || (!a.empty() && !parseNumber(a, lo)) ||
            (!b.empty() && !parseNumber(b, hi)))
            throw ConfigError("The range of \"" + column + "\" must be LO:HI with numbers (an end may be empty), not \"" +
                              spec + "\".");
        r.lo = a.empty() ? std::nullopt : std::optional<double>(lo);
        r.hi = b.empty() ? std::nullopt : std::optional<double>(hi);
    } else {
        throw ConfigError("No rule is called \"" + what + "\"; rules are range, pattern, categories and type.");
    }
}

int CleanReport::count(ProblemKind k) const
{
    return int(std::count_if(problems.begin(), problems.end(), [k](const Problem& p) { return p.kind == k; }));
}

CleanReport inspectTable(const Table& t, const CleanOptions& o)
{
    if (t.columns.empty()) throw DataError("", 0, "the table has no header line naming its columns.");
    checkRules(t, o);
    CleanReport r;
    r.rows = int(t.rows.size());
    std::vector<ColumnCheck> checks(t.columns.size());
    for (int c = 0; c < t.width(); ++c) {
        ColumnCheck& ck = checks[c];
        ck.rule = ruleOf(o, t.columns[c]);
        r.columns.push_back(summarise(t, c, ck.rule, o.zLimit, ck.share));
        if (ck.rule && !ck.rule->pattern.empty()) {
            try {
                ck.pattern.emplace(ck.rule->pattern, std::regex::ECMAScript);
            } catch (const std::regex_error& e) {
                throw ConfigError("The pattern of \"" + ck.rule->column + "\" is no regular expression (" + e.what() + ").");
            }
        }
    }
    for (size_t i = 0; i < t.rows.size(); ++i) {
        Problem p;
        p.row = int(i) + 1, p.line = t.lines[i];
        const auto& row = t.rows[i];
        if (int(row.size()) != t.width()) {
            p.kind = ProblemKind::Malformed;
            p.why = std::to_string(row.size()) + (row.size() == 1 ? " field" : " fields") + " where the header has " +
                    std::to_string(t.width()) + ".";
            r.problems.push_back(p);
            continue;
        }
        for (int c = 0; c < t.width(); ++c) {
            p.column = c;
            checkValue(row[c], r.columns[c], checks[c], p, r.problems);
        }
    }
    std::vector<Problem> dups;
    findDuplicates(t, dups);
    for (const Problem& d : dups) { // merged in row order
        auto at = std::upper_bound(r.problems.begin(), r.problems.end(), d.row,
                                   [](int row, const Problem& p) { return row < p.row; });
        r.problems.insert(at, d);
    }
    return r;
}

} // namespace dl
