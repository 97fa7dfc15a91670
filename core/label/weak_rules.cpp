// SPDX-License-Identifier: MIT
#include "core/label/weak_rules.h"

#include "core/util/error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace dl {

namespace {

std::string lower(std::string s)
{
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s)
{
    const size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// Reads a rules line; `fail` throws the line's error.
class LineReader {
  public:
    LineReader(const std::vector<std::string>& classes, std::string file, int line)
        : m_classes(classes), m_file(std::move(file)), m_line(line)
    {
    }
    [[noreturn]] void fail(const std::string& why) const { throw DataError(m_file, m_line, why); }

    int classOf(const std::string& text) const
    {
        const std::string t = lower(trim(text));
        for (size_t k = 0; k < m_classes.size(); ++k)
            if (lower(m_classes[k]) == t) return int(k);
        int k = -1;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), k);
        if (ec == std::errc() && end == t.data() + t.size() && k >= 0 && k < int(m_classes.size())) return k;
        std::string names;
        for (const std::string& c : m_classes) names += (names.empty() ? "" : ", ") + c;
        fail("no class \"" + trim(text) + "\"; the classes are " + names + " (or their numbers 0–" +
             std::to_string(m_classes.size() - 1) + ").");
    }

    RuleCondition condition(const std::string& text) const
    {
        const size_t op = text.find_first_of("<>");
        if (op == std::string::npos) fail("\"" + trim(text) + "\" has no comparison (< <= > >=).");
        RuleCondition c;
        c.greater = text[op] == '>';
        c.orEqual = op + 1 < text.size() && text[op + 1] == '=';
        measure(lower(trim(text.substr(0, op))), c);
        const std::string v = trim(text.substr(op + (c.orEqual ? 2 : 1)));
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), c.value);
        if (v.empty() || ec != std::errc() || end != v.data() + v.size())
            fail("\"" + v + "\" is not a number to compare with.");
        return c;
    }

  private:
    void measure(const std::string& m, RuleCondition& c) const
    {
        static const std::map<std::string, RuleCondition::Measure> plain = {
            {"brightness", RuleCondition::Brightness}, {"width", RuleCondition::Width},
            {"height", RuleCondition::Height},         {"aspect", RuleCondition::Aspect}};
        if (auto it = plain.find(m); it != plain.end()) {
            c.measure = it->second;
            return;
        }
        const size_t open = m.find('('), close = m.rfind(')');
        if (open == std::string::npos || close != m.size() - 1)
            fail("no measure \"" + m + "\"; use brightness, width, height, aspect, region(x0,y0,x1,y1) or model(CLASS).");
        const std::string name = trim(m.substr(0, open)), args = m.substr(open + 1, close - open - 1);
        if (name == "model") {
            c.measure = RuleCondition::Model, c.cls = classOf(args);
            return;
        }
        if (name != "region") fail("no measure \"" + name + "\"; use region(x0,y0,x1,y1) or model(CLASS).");
        c.measure = RuleCondition::Region;
        int* at[4] = {&c.x0, &c.y0, &c.x1, &c.y1};
        size_t from = 0;
        for (int k = 0; k < 4; ++k) {
            const size_t comma = k < 3 ? args.find(',', from) : args.size();
            const std::string v = comma == std::string::npos ? "" : trim(args.substr(from, comma - from));
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *at[k]);
            if (v.empty() || ec != std::errc() || end != v.data() + v.size())
                fail("region() takes four whole numbers x0,y0,x1,y1 (ends exclusive).");
            from = comma + 1;
        }
        if (c.x1 <= c.x0 || c.y1 <= c.y0) fail("region(x0,y0,x1,y1) needs x0 < x1 and y0 < y1.");
    }

    const std::vector<std::string>& m_classes;
    std::string m_file;
    int m_line;
};

double measured(const RuleCondition& c, const ImageMeasures& m, const LabelData& d, int i, const Tensor* prob)
{
    switch (c.measure) {
    case RuleCondition::Brightness: return m.brightness;
    case RuleCondition::Width: return m.width;
    case RuleCondition::Height: return m.height;
    case RuleCondition::Aspect: return m.aspect;
    case RuleCondition::Region: return regionMean(d, i, c.x0, c.y0, c.x1, c.y1);
    case RuleCondition::Model: return (*prob)[size_t(c.cls) * size_t(d.poolSize()) + size_t(i)];
    }
    return 0;
}

bool holds(const RuleCondition& c, double v)
{
    return c.greater ? (c.orEqual ? v >= c.value : v > c.value) : (c.orEqual ? v <= c.value : v < c.value);
}

} // namespace

bool WeakRule::usesModel() const
{
    return std::any_of(conditions.begin(), conditions.end(),
                       [](const RuleCondition& c) { return c.measure == RuleCondition::Model; });
}

double RuleStats::coverage() const
{
    return pool ? double(fired) / pool : 0;
}

std::vector<WeakRule> parseRules(const std::string& text, const std::vector<std::string>& classNames, const std::string& name)
{
    std::vector<WeakRule> rules;
    size_t at = 0;
    for (int line = 1; at <= text.size(); ++line) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string s = text.substr(at, end - at);
        at = end + 1;
        s = trim(s.substr(0, s.find('#')));
        if (s.empty()) continue;
        const LineReader r(classNames, name, line);
        const size_t arrow = s.find("->");
        if (arrow == std::string::npos) r.fail("a rule is CONDITION [and CONDITION …] -> CLASS; this line has no \"->\".");
        WeakRule w;
        w.text = s, w.line = line, w.label = r.classOf(s.substr(arrow + 2));
        const std::string conds = lower(s.substr(0, arrow));
        for (size_t from = 0; from <= conds.size();) {
            size_t next = conds.find(" and ", from);
            if (next == std::string::npos) next = conds.size();
            w.conditions.push_back(r.condition(conds.substr(from, next - from)));
            from = next + 5;
        }
        rules.push_back(std::move(w));
        if (rules.size() > 100) r.fail("at most 100 rules.");
    }
    return rules;
}

WeakLabels applyRules(const std::vector<WeakRule>& rules, const LabelData& d, const Tensor* modelProb)
{
    for (const WeakRule& r : rules)
        if (r.usesModel() && (!modelProb || modelProb->size() != size_t(d.classes) * size_t(d.poolSize())))
            throw ConfigError("the rule \"" + r.text + "\" asks a model's output, and no model has been trained yet");
    WeakLabels w;
    const int n = d.poolSize();
    w.label.assign(size_t(n), -1);
    w.rules.resize(rules.size());
    for (size_t k = 0; k < rules.size(); ++k) w.rules[k].text = rules[k].text, w.rules[k].pool = n;
    std::vector<int> votes(rules.size());
    for (int i = 0; i < n; ++i) {
        const ImageMeasures m = measureImage(d, i);
        std::vector<int> count(size_t(d.classes), 0);
        int fired = 0;
        for (size_t k = 0; k < rules.size(); ++k) {
            bool all = true;
            for (const RuleCondition& c : rules[k].conditions) all = all && holds(c, measured(c, m, d, i, modelProb));
            votes[k] = all ? rules[k].label : -1;
            if (all) ++count[size_t(rules[k].label)], ++fired;
        }
        if (!fired) continue;
        ++w.covered;
        const int truth = d.poolTruth[size_t(i)];
        const int distinct = int(std::count_if(count.begin(), count.end(), [](int c) { return c > 0; }));
        w.conflicted += distinct > 1;
        for (size_t k = 0; k < rules.size(); ++k) {
            if (votes[k] < 0) continue;
            RuleStats& s = w.rules[k];
            ++s.fired, s.correct += votes[k] == truth, s.conflicts += distinct > 1;
        }
        const int best = int(std::max_element(count.begin(), count.end()) - count.begin());
        if (std::count(count.begin(), count.end(), count[size_t(best)]) > 1) continue; // a tie: no label
        w.label[size_t(i)] = best;
        ++w.labelled, w.correct += best == truth;
    }
    return w;
}

} // namespace dl
