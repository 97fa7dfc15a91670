// SPDX-License-Identifier: MIT
#include "core/util/file.h"

#include "core/util/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace dl {

std::string readFile(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw IoError(path + " is a folder, not a file.");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open " + path + ": " + std::strerror(errno) + ".");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size >= 0) { // a regular file: one read of known size (weights files are megabytes)
        std::string bytes(static_cast<size_t>(size), '\0');
        in.seekg(0);
        in.read(bytes.data(), size);
        if (in.gcount() == size) return bytes;
        in.clear();
        in.seekg(0);
    }
    std::ostringstream ss; // pipes and other streams of unknown size
    ss << in.rdbuf();
    return ss.str();
}

void writeFileAtomic(const std::string& path, const std::string& bytes)
{
    std::random_device rd;
    const std::string tmp = path + ".tmp-" + std::to_string(rd() % 1000000);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError("cannot write " + path + ": " + std::strerror(errno) + ".");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::remove(tmp.c_str());
            throw IoError("writing " + path + " failed (disk full?); the previous file was kept.");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw IoError("cannot replace " + path + ": " + ec.message() + ".");
    }
}

void makeFolder(const std::string& folder, const std::string& what)
{
    const std::filesystem::path dir(folder);
    std::error_code ec;
    if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec))
        throw IoError(folder + " is a file, not a folder; choose a folder for " + what + ".");
    std::filesystem::create_directories(dir, ec);
    if (ec) throw IoError("Could not create the folder " + folder + ": " + ec.message() + ".");
}

} // namespace dl
