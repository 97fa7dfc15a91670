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
