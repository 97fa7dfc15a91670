// SPDX-License-Identifier: MIT
#include "core/data/clean_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace dl {

namespace {

bool digit(char c)
{
    return c >= '0' && c <= '9';
}

// n digits at v[at]; their value in `out`.
bool digits(const std::string& v, size_t at, int n, int& out)
{
    if (at + n > v.size()) return false;
    out = 0;
    for (int i = 0; i < n; ++i) {
        if (!digit(v[at + i])) return false;
        out = out * 10 + (v[at + i] - '0');
    }
    return true;
}

// The optional time after a date at v[at] (ISO 8601 §5.4: T or space, hh:mm[:ss[.f…]][Z|±hh[:]mm]).
bool timePart(const std::string& v, size_t at, DateParts& d)
{
    if (at == v.size()) return true;
    if (v[at] != 'T' && v[at] != ' ') return false;
    if (!digits(v, at + 1, 2, d.hour) || v.size() < at + 6 || v[at + 3] != ':' || !digits(v, at + 4, 2, d.minute))
        return false;
    at += 6;
    if (at < v.size() && v[at] == ':') {
        if (!digits(v, at + 1, 2, d.second)) return false;
        at += 3;
        if (at < v.size() && v[at] == '.') {
            const size_t from = ++at;
            while (at < v.size() && digit(v[at])) ++at;
            if (at == from) return false;
        }
    }
    if (at == v.size()) return true;
    if (v[at] == 'Z') return at + 1 == v.size();
    if (v[at] != '+' && v[at] != '-') return false;
    int hh = 0, mm = 0;
    if (!digits(v, at + 1, 2, hh)) return false;
    const size_t m = at + 3 < v.size() && v[at + 3] == ':' ? at + 4 : at + 3;
    return digits(v, m, 2, mm) && m + 2 == v.size() && hh <= 14 && mm < 60;
}

int daysIn(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; // the Gregorian rule
    return month == 2 && leap ? 29 : days[month - 1];
}

} // namespace

bool isMissingValue(const std::string& v)
{
    static const char* const tokens[] = {"", "na", "n/a", "null", "none", "nan", "?"};
    std::string low;
    for (char c : v) low += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const char* t : tokens)
        if (low == t) return true;
    return false;
}

bool parseInteger(const std::string& v, double& x)
{
    const size_t from = !v.empty() && (v[0] == '+' || v[0] == '-') ? 1 : 0;
    if (v.size() == from || v.size() - from > 15) return false;
    for (size_t i = from; i < v.size(); ++i)
        if (!digit(v[i])) return false;
    long long n = 0;
    std::from_chars(v.data() + from, v.data() + v.size(), n);
    x = v[0] == '-' ? -double(n) : double(n);
    return true;
}

bool parseNumber(const std::string& v, double& x)
{
    const size_t from = !v.empty() && v[0] == '+' ? 1 : 0;
    if (v.size() == from || !(digit(v[from]) || v[from] == '-' || v[from] == '.')) return false; // no inf, nan
    const auto [end, ec] = std::from_chars(v.data() + from, v.data() + v.size(), x);
    return ec == std::errc() && end == v.data() + v.size() && std::isfinite(x);
}

bool parseDateShape(const std::string& v, DateParts& d)
{
    d = DateParts();
    if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
    if (!digits(v, 0, 4, d.year) || !digits(v, 5, 2, d.month) || !digits(v, 8, 2, d.day)) return false;
    return timePart(v, 10, d);
}

std::string dateError(const DateParts& d)
{
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    if (d.month < 1 || d.month > 12) return "no month " + std::to_string(d.month) + " (months run 1–12).";
    if (d.day < 1 || d.day > daysIn(d.year, d.month))
        return "no such day: " + std::string(months[d.month - 1]) + " " + std::to_string(d.year) + " has " +
               std::to_string(daysIn(d.year, d.month)) + " days.";
    if (d.hour > 24 || d.minute > 59 || d.second > 60 || (d.hour == 24 && (d.minute || d.second)))
        return "no such time of day.";
    return "";
}

double dateNumber(const DateParts& d)
{
    return d.year * 10000.0 + d.month * 100 + d.day;
}

std::string dateText(double yyyymmdd)
{
    const long long n = std::llround(yyyymmdd);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", n / 10000, n / 100 % 100, n % 100);
    return buf;
}

bool extractNumber(const std::string& v, double& x)
{
    size_t a = 0;
    while (a < v.size() && !digit(v[a])) ++a;
    if (a == v.size()) return false;
    const bool negative = a > 0 && v[a - 1] == '-';
    size_t b = a;
    bool dot = false;
    while (b < v.size() && (digit(v[b]) || v[b] == '.' || v[b] == ',')) dot |= v[b] == '.', ++b;
    std::string num;
    for (size_t i = a; i < b; ++i) {
        if (v[i] == ',' && dot) continue;               // thousands separators beside a decimal point
        num += v[i] == ',' ? '.' : v[i];                // a decimal comma
    }
    while (!num.empty() && num.back() == '.') num.pop_back();
    if (!parseNumber(num, x)) return false;
    if (negative) x = -x;
    return true;
}

bool castDate(const std::string& v, std::string& iso)
{
    if (v.size() != 10 || v[4] != v[7] || (v[4] != '/' && v[4] != '.')) return false;
    std::string s = v;
    s[4] = s[7] = '-';
    DateParts d;
    if (!parseDateShape(s, d) || !dateError(d).empty()) return false;
    iso = s;
    return true;
}

} // namespace dl
