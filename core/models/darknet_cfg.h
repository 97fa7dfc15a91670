// SPDX-License-Identifier: MIT
// darknet .cfg reader: `[section]` headers and `key=value` lines (pjreddie/darknet `read_cfg`), with the
// line of every item kept so that errors say where. It checks syntax and known names; what the values mean
// is darknet_net.cpp's business.
#pragma once
#include <string>
#include <vector>

namespace dl {

struct CfgOption {
    std::string key, value;
    int line = 0;
};

struct CfgSection {
    std::string type; // as written, without brackets: "convolutional", "net", ...
    int line = 0;
    std::vector<CfgOption> options;

    const CfgOption* find(const std::string& key) const;
    // Typed reads; throw FormatError "<file>, line N: ..." for a malformed value; `def` when absent.
    int getInt(const std::string& file, const std::string& key, int def) const;
    float getFloat(const std::string& file, const std::string& key, float def) const;
    std::string getString(const std::string& key, const std::string& def) const;
    std::vector<float> getFloats(const std::string& file, const std::string& key) const; // "1,2, 3"
    std::vector<int> getInts(const std::string& file, const std::string& key) const;
};

// Parses the text of `file` (name used in messages only). Throws FormatError with the line number for:
// a key before any section, a line that is neither a section nor key=value, an empty value, an unknown
// section type, a key that section type does not know (training-only keys are known and ignored), and a
// cfg that does not start with [net].
std::vector<CfgSection> parseDarknetCfg(const std::string& text, const std::string& file);

} // namespace dl
