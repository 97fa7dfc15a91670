// SPDX-License-Identifier: MIT
#include "core/data/table.h"

#include "core/util/error.h"
#include "core/util/file.h"

#include <algorithm>

namespace dl {

namespace {

bool blank(char c)
{
    return c == ' ' || c == '\t';
}

std::string trimmed(const std::string& s)
{
    size_t a = 0, b = s.size();
    while (a < b && blank(s[a])) ++a;
    while (b > a && blank(s[b - 1])) --b;
    return s.substr(a, b - a);
}

// Reads one record (RFC 4180 §2) from text[pos]: its fields; pos moves past its line break; `line` counts
// the line breaks consumed (quoted ones included).
std::vector<std::string> readRecord(const std::string& text, size_t& pos, char sep, int& line, const std::string& name)
{
    std::vector<std::string> fields;
    std::string cur;
    const int start = line;
    bool quotedField = false, afterQuote = false;
    while (pos < text.size()) {
        const char c = text[pos];
        if (quotedField) {
            ++pos;
            if (c == '"') {
                if (pos < text.size() && text[pos] == '"') {
                    cur += '"', ++pos;
                } else {
                    quotedField = false, afterQuote = true;
                }
            } else {
                if (c == '\n') ++line;
                cur += c;
            }
            continue;
        }
        if (c == sep || c == '\n' || (c == '\r' && (pos + 1 == text.size() || text[pos + 1] == '\n'))) {
            fields.push_back(afterQuote ? cur : trimmed(cur));
            cur.clear(), afterQuote = false;
            pos += c == '\r' ? 2 : 1;
            if (c != sep) {
                ++line;
                return fields;
            }
            continue;
        }
        if (afterQuote) {
            if (blank(c)) {
                ++pos;
                continue;
            }
            throw DataError(name, line, "text follows a closing quote; write a quote inside a quoted field as \"\".");
        }
        if (c == '"' && trimmed(cur).empty()) {
            quotedField = true, cur.clear();
            ++pos;
            continue;
        }
        cur += c, ++pos;
    }
    if (quotedField) throw DataError(name, start, "a quoted field is never closed.");
    fields.push_back(afterQuote ? cur : trimmed(cur));
    ++line;
    return fields;
}

// The separator of the record at text[pos]: the first of comma, semicolon and tab that splits it into more
// than one field as readRecord reads it (a quote opens a field only at its start), else comma.
char detectSeparator(const std::string& text, size_t pos, int line, const std::string& name)
{
    for (char sep : {',', ';', '\t'}) {
        size_t at = pos;
        int l = line;
        try {
            if (readRecord(text, at, sep, l, name).size() > 1) return sep;
        } catch (const DataError&) { // e.g. `"a,b";c` read with commas: not this separator
        }
    }
    return ',';
}

// Skips blank lines and '#' comment lines; false at the end of the text.
bool skipToRecord(const std::string& text, size_t& pos, int& line)
{
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        size_t first = pos;
        while (first < end && (blank(text[first]) || text[first] == '\r')) ++first;
        if (first < end && text[first] != '#') return true;
        pos = end + 1, ++line;
    }
    return false;
}

bool needsQuotes(const std::string& f)
{
    // Any of the three separators, not only the table's: a reader detecting the separator anew reads it back.
    return f.find_first_of("\",;\t\r\n") != std::string::npos ||
           (!f.empty() && (blank(f.front()) || blank(f.back()) || f.front() == '#')) ||
           f.compare(0, 3, "\xEF\xBB\xBF") == 0; // read as a byte-order mark at the start of a file
}

} // namespace

Table parseTable(const std::string& text, const std::string& name, TableFormat format)
{
    Table t;
    size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0; // a UTF-8 byte-order mark
    int line = 1;
    if (!skipToRecord(text, pos, line)) return t; // nothing but blanks and comments: the caller says what it expected
    t.separator = detectSeparator(text, pos, line, name);
    if (format.header) {
        t.headerLine = line;
        t.columns = readRecord(text, pos, t.separator, line, name);
    }
    while (skipToRecord(text, pos, line)) {
        t.lines.push_back(line);
        if (format.separatorPerRecord) t.separator = detectSeparator(text, pos, line, name);
        t.rows.push_back(readRecord(text, pos, t.separator, line, name));
    }
    return t;
}

Table loadTable(const std::string& path, TableFormat format)
{
    return parseTable(readFile(path), path, format);
}

std::string writeTable(const Table& t)
{
    std::string out;
    // A header under another separator than the comma is quoted field by field: read with a separator tried
    // before its own, its line then fails (text after a closing quote), so the reader picks the same one back.
    auto record = [&](const std::vector<std::string>& fields, bool quoteAll) {
        if (fields.size() == 1 && fields[0].empty()) out += "\"\""; // not a blank line, which would be skipped
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i) out += t.separator;
            const std::string& f = fields[i];
            if (!quoteAll && !needsQuotes(f)) {
                out += f;
                continue;
            }
            out += '"';
            for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += '\n';
    };
    if (!t.columns.empty()) record(t.columns, t.separator != ',' && t.columns.size() > 1);
    for (const auto& r : t.rows) record(r, false);
    return out;
}

void saveTable(const Table& t, const std::string& path)
{
    writeFileAtomic(path, writeTable(t));
}

} // namespace dl
