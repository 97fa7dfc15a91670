// SPDX-License-Identifier: MIT
#include "core/util/error.h"

#include <cstdio>
#include <filesystem>

namespace dl {

std::string fileLinePrefix(const std::string& file, int line)
{
    std::string name = std::filesystem::path(file).filename().string();
    return line > 0 ? name + ", line " + std::to_string(line) + ": " : name + ": ";
}

DataError::DataError(const std::string& f, int l, const std::string& msg)
    : Error(fileLinePrefix(f, l) + msg), file(f), line(l)
{
}

std::string numberText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

void throwCheck(const char* file, int line, const std::string& msg)
{
    throw Error("Internal check failed in " + std::filesystem::path(file).filename().string() + ":" +
                std::to_string(line) + ": " + msg);
}

} // namespace dl
