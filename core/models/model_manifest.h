// SPDX-License-Identifier: MIT
// The manifest of the models and corpora the labs read (resources/models.manifest, built into the program):
// per file its path under the project (models/…, corpora/…), size, sha256 and pinned source. The labs name a
// missing file's source and the command that fetches it (scripts/fetch-models.sh);
// the script reads the same file. One line a file: PATH BYTES SHA256 SOURCE; '#' starts a comment line.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct ManifestEntry {
    std::string path;   // relative, '/'-separated, no "..": models/tiny-darknet/tiny.weights
    std::uint64_t bytes = 0;
    std::string sha256; // 64 lower-case hex digits
    std::string source; // a URL; URL#MEMBER for a member of a .tgz
    int line = 0;
};

// Throws DataError naming `name` and the line for a line that is not "PATH BYTES SHA256 SOURCE".
std::vector<ManifestEntry> parseManifest(const std::string& text, const std::string& name);

// The project's manifest as built into the program.
const std::vector<ManifestEntry>& projectManifest();

// The entry whose path `file` ends with (its whole path, or, for a file in a sub-folder, the path without its
// first folder: a models folder of another name), or nullptr.
const ManifestEntry* manifestEntryFor(const std::string& file, const std::vector<ManifestEntry>& manifest);

// The entries of `manifest` with no file of their size under `modelsDir` (for models/…) or `corporaDir` (for
// corpora/…); an empty folder name counts every such file missing. A size check, no hashing: what the first
// start of an installed app says is missing (the fetch script checks the sha256).
std::vector<const ManifestEntry*> missingFiles(const std::vector<ManifestEntry>& manifest, const std::string& modelsDir,
                                               const std::string& corporaDir);

// What to say after "X is missing": where the file comes from and how to fetch it, one sentence; a generic
// sentence when the manifest does not list it.
std::string fetchAdvice(const std::string& file);

} // namespace dl
