// SPDX-License-Identifier: MIT
#include "app/fetch_models.h"

#include "core/models/model_files.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace lab {

int fetchModels()
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exeDir = fs::canonical("/proc/self/exe", ec).parent_path();
    const fs::path installed = exeDir / ".." / "share" / "dllab" / "fetch-models.sh";
    const fs::path buildTree = exeDir / ".." / ".." / "scripts" / "fetch-models.sh"; // build/app/dllab
    std::string script, dest;
    if (fs::is_regular_file(installed, ec)) {
        script = fs::weakly_canonical(installed, ec).string(), dest = dl::userDataDir();
        if (dest.empty()) {
            std::fprintf(stderr, "dllab: neither XDG_DATA_HOME nor HOME is set: no folder to fetch the models into\n");
            return 1;
        }
    } else if (fs::is_regular_file(buildTree, ec)) {
        script = fs::weakly_canonical(buildTree, ec).string(), dest = fs::weakly_canonical(exeDir / ".." / "..", ec).string();
    } else {
        std::fprintf(stderr, "dllab: the fetch script is missing (looked for %s and %s); reinstall the package\n",
                     installed.c_str(), buildTree.c_str());
        return 1;
    }
    std::printf("dllab: fetching the missing models and corpora into %s (scripts/fetch-models.sh)\n", dest.c_str());
    std::fflush(stdout);
    const char* argv[] = {"bash", script.c_str(), "--dest", dest.c_str(), nullptr};
    execv("/bin/bash", const_cast<char* const*>(argv));
    std::perror("dllab: cannot run /bin/bash");
    return 1;
}

} // namespace lab
