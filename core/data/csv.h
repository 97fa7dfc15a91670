// SPDX-License-Identifier: MIT
// CSV import and export of labelled 2-D points: "x,y,label" rows, comma, semicolon or tab separated,
// optional header row, '#' comment lines — read by the project's one CSV reader (table.h), then checked.
#pragma once
#include "core/data/dataset.h"

#include <string>

namespace dl {

// Labels may be integers or names; distinct labels are mapped to 0..K-1 in sorted (numeric if all are
// integers) order, and the names are returned in `labelNames` when given. Throws DataError naming the file
// and line ("pts.csv, line 17: expected 3 columns (x, y, label), found 2.") or IoError when unreadable.
Dataset2D loadCsv2D(const std::string& path, std::vector<std::string>* labelNames = nullptr);
Dataset2D parseCsv2D(const std::string& text, const std::string& name,
                     std::vector<std::string>* labelNames = nullptr);
// Writes via a temporary file and rename.
void saveCsv2D(const Dataset2D& d, const std::string& path);

} // namespace dl
