// SPDX-License-Identifier: MIT
// The project's one CSV reader (RFC 4180): rows of text fields, comma, semicolon or tab separated (the first
// of them that splits the first line into fields), fields quoted with "…" (a doubled "" inside is one quote;
// separators and line breaks inside quotes belong to the field), '#' comment lines and blank lines skipped,
// CRLF or LF. Every row keeps the file line it starts on, so a problem can name it. Rows may be ragged: a row
// with too few or too many fields is kept as it is (the cleaner reports it; a strict caller refuses it).
// Cells stay text; what they mean (numbers, dates, categories) is the caller's business (clean.h, csv.h).
#pragma once
#include <string>
#include <vector>

namespace dl {

struct Table {
    std::vector<std::string> columns;           // the header's names (empty without a header)
    std::vector<std::vector<std::string>> rows; // data rows, header not included
    std::vector<int> lines;                     // per row: the 1-based file line it starts on
    int headerLine = 0;                         // the header's line, 0 without one
    char separator = ',';
    int width() const { return int(columns.size()); }
};

struct TableFormat {
    bool header = true;              // the first non-comment line holds the column names
    bool separatorPerRecord = false; // each record picks its own separator (hand-written point lists mix them)
};

// Unquoted fields lose surrounding spaces. Throws DataError naming the file and line for an unterminated
// quote or text after a closing quote ("data.csv, line 4: a quoted field is never closed."). A file of
// blanks and comments gives an empty table.
Table parseTable(const std::string& text, const std::string& name, TableFormat format = {});
Table loadTable(const std::string& path, TableFormat format = {}); // IoError when unreadable

// The table as CSV text: its separator, the header first, a field quoted when it holds a separator (any of
// the three), a quote, a line break or surrounding spaces, or starts with '#'. parseTable(writeTable(t)) gives t back.
std::string writeTable(const Table& t);
void saveTable(const Table& t, const std::string& path); // via a temporary file and rename

} // namespace dl
