// SPDX-License-Identifier: MIT
#include "core/data/csv.h"

#include "core/data/table.h"

#include "core/util/file.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

namespace dl {

static bool parseFloat(const std::string& s, float& v)
{
    if (s.empty()) return false;
    char* end = nullptr;
    v = std::strtof(s.c_str(), &end);
    return *end == '\0' && std::isfinite(v);
}

// "12", "-3": a label written as a whole number (such labels sort by value, not as text).
static bool isIntegerText(const std::string& s)
{
    size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    return i < s.size() && s.find_first_not_of("0123456789", i) == std::string::npos;
}

static bool fitsLong(const std::string& s)
{
    errno = 0;
    char* end = nullptr;
    std::strtol(s.c_str(), &end, 10);
    return errno != ERANGE;
}

Dataset2D parseCsv2D(const std::string& text, const std::string& name, std::vector<std::string>* labelNames)
{
    struct Row {
        float x, y;
        std::string label;
    };
    std::vector<Row> rows;
    const Table t = parseTable(text, name, {.header = false, .separatorPerRecord = true}); // a header is recognised below
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::vector<std::string>& f = t.rows[i];
        const int lineNo = t.lines[i];
        float x = 0, y = 0;
        bool numeric = f.size() >= 2 && parseFloat(f[0], x) && parseFloat(f[1], y);
        if (i == 0 && !numeric) continue; // a header row
        if (f.size() != 3)
            throw DataError(name, lineNo,
                            "expected 3 columns (x, y, label), found " + std::to_string(f.size()) + ".");
        if (!parseFloat(f[0], x)) throw DataError(name, lineNo, "x \"" + f[0] + "\" is not a finite number.");
        if (!parseFloat(f[1], y)) throw DataError(name, lineNo, "y \"" + f[1] + "\" is not a finite number.");
        if (f[2].empty()) throw DataError(name, lineNo, "the label column is empty.");
        if (isIntegerText(f[2]) && !fitsLong(f[2]))
            throw DataError(name, lineNo,
                            "the label \"" + f[2] +
                                "\" is too large a number; use class numbers 0 to 5 or class names.");
        rows.push_back({x, y, f[2]});
    }
    if (rows.empty()) throw DataError(name, 0, "no data rows found; expected lines like 0.5,-1.2,1.");
    std::vector<std::string> labels;
    for (const Row& r : rows)
        if (std::find(labels.begin(), labels.end(), r.label) == labels.end()) labels.push_back(r.label);
    const bool allInt = std::all_of(labels.begin(), labels.end(), isIntegerText); // each fits a long (above)
    if (allInt)
        std::sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) {
            return std::strtol(a.c_str(), nullptr, 10) < std::strtol(b.c_str(), nullptr, 10);
        });
    else
        std::sort(labels.begin(), labels.end());
    if (labels.size() < 2)
        throw DataError(name, 0,
                        "all points have the label \"" + labels[0] + "\"; at least two classes are needed.");
    if (labels.size() > 6)
        throw DataError(name, 0,
                        "found " + std::to_string(labels.size()) +
                            " different labels; at most 6 classes are supported.");
    Dataset2D d;
    d.classes = static_cast<int>(labels.size());
    for (const Row& r : rows) {
        int cls = static_cast<int>(std::find(labels.begin(), labels.end(), r.label) - labels.begin());
        d.add(r.x, r.y, cls);
    }
    if (labelNames) *labelNames = labels;
    return d;
}

Dataset2D loadCsv2D(const std::string& path, std::vector<std::string>* labelNames)
{
    return parseCsv2D(readFile(path), path, labelNames);
}

void saveCsv2D(const Dataset2D& d, const std::string& path)
{
    std::ostringstream os;
    os.precision(9);
    os << "x,y,label\n";
    for (int i = 0; i < d.size(); ++i)
        os << d.xy[2 * i] << ',' << d.xy[2 * i + 1] << ',' << d.label[i] << '\n';
    writeFileAtomic(path, os.str());
}

} // namespace dl
