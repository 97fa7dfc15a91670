// SPDX-License-Identifier: MIT
#include "core/models/model_files.h"

#include "core/models/model_manifest.h"
#include "core/util/error.h"
#include "core/util/file.h"

#include <cstdlib>
#include <filesystem>

namespace dl {

namespace fs = std::filesystem;

std::string readModelFile(const std::string& path, const std::string& what)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw IoError(what + " is missing: " + path + " does not exist; " + fetchAdvice(path));
    return readFile(path);
}

std::string userDataDir()
{
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x == '/') return (fs::path(x) / "dllab").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".local" / "share" / "dllab").string();
    return {};
}

static std::string findFolder(const char* folder, const char* envVar, const std::string& explicitDir,
                              const std::string& exeDir)
{
    if (!explicitDir.empty()) return explicitDir;
    if (const char* env = std::getenv(envVar); env && *env) return env;
    std::error_code ec;
    for (fs::path p = fs::absolute(exeDir.empty() ? "." : exeDir, ec); !p.empty(); p = p.parent_path()) {
        if (fs::is_directory(p / folder, ec)) return (p / folder).string();
        if (p == p.parent_path()) break;
    }
    if (const std::string user = userDataDir(); !user.empty() && fs::is_directory(fs::path(user) / folder, ec))
        return (fs::path(user) / folder).string();
    return {};
}

std::string findModelsDir(const std::string& explicitDir, const std::string& exeDir)
{
    return findFolder("models", "DLLAB_MODELS", explicitDir, exeDir);
}

std::string findCorporaDir(const std::string& explicitDir, const std::string& exeDir)
{
    return findFolder("corpora", "DLLAB_CORPORA", explicitDir, exeDir);
}

} // namespace dl
