// SPDX-License-Identifier: MIT
// A comparison saved as one file and replayed headless (issue 15): the dlcli subcommand that makes it, its
// options (the same seed, so the same initial weights and batches), and the JSON it printed — or the lab
// showed, in the same form. `dlcli replay FILE` runs the subcommand again and compares the numbers.
// {"format": "dl-visual-lab comparison", "version": 1, "command": "regularise",
//  "args": [["steps", "3000"], ["l2", "0.7"], …], "result": {…}}. Qt-free.
#pragma once
#include "core/util/json.h"

#include <string>
#include <utility>
#include <vector>

namespace dl {

constexpr const char* kComparisonFormat = "dl-visual-lab comparison";

struct Comparison {
    std::string command;                                     // "schedules", "search", …
    std::vector<std::pair<std::string, std::string>> args;   // option name (without --) and value ("" for a flag)
    Json result;                                             // what `dlcli COMMAND … --json` prints
};

Json toJson(const Comparison& c);
Comparison comparisonFromJson(const Json& j, const std::string& name); // FormatError naming what is wrong
void saveComparison(const Comparison& c, const std::string& path);     // temporary file + rename
Comparison loadComparison(const std::string& path);                    // IoError / FormatError naming the file

// v as text that reads back to the same double ("%.17g"): a setting's value in a comparison's options.
std::string exactNumber(double v);

// The first place two results differ ("panels[0].curves[1].y[3]: 0.5 against 0.6"), or "" when they are the
// same. Keys named "seconds" (timings) are not compared.
std::string firstDifference(const Json& saved, const Json& now, const std::string& where = "");

} // namespace dl
