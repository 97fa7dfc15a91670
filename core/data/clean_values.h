// SPDX-License-Identifier: MIT
// What one cell's text is, for the cleaner (clean.h): missing, a whole number, a number, an ISO 8601 date —
// and the casts its fixes make. Numbers are read the C locale's way (std::from_chars), never as inf or nan.
#pragma once
#include <string>

namespace dl {

bool isMissingValue(const std::string& v); // "", NA, N/A, null, None, NaN, ? (any case)
bool parseInteger(const std::string& v, double& x); // [+-]digits, at most 15 of them (exact in a double)
bool parseNumber(const std::string& v, double& x);  // a finite decimal or exponent number, the whole text

// ISO 8601 calendar date (YYYY-MM-DD), optionally followed by 'T' or a space and hh:mm[:ss[.fff]] with an
// optional zone (Z, ±hh:mm or ±hhmm).
struct DateParts {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};
bool parseDateShape(const std::string& v, DateParts& d); // the form only, not whether the day exists
std::string dateError(const DateParts& d);               // "" for a real date, else why it is none
double dateNumber(const DateParts& d);                   // yyyymmdd, what date ranges compare
std::string dateText(double yyyymmdd);                   // "2023-02-28"

// The casts of the "cast" fix: the first number in a text ("12 kg" → 12, "1,5" → 1.5, "1,234.5" → 1234.5);
// a date written with '/' or '.' in year-month-day order ("2023/02/03" → "2023-02-03"). False when none.
bool extractNumber(const std::string& v, double& x);
bool castDate(const std::string& v, std::string& iso);

} // namespace dl
