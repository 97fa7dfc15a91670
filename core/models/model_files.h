// SPDX-License-Identifier: MIT
// Where the pretrained models are (models/, filled by scripts/setup.sh) and reading one of their files with
// a sentence that says what to do when it is missing. Shared by every lab that reads models.
#pragma once
#include <string>

namespace dl {

// --models DIR if given, else $DLLAB_MODELS, else the first `models` folder found walking up from
// `exeDir` (the repo's models/, filled by scripts/setup.sh), else userDataDir()/models (an installed app's,
// filled by dllab --fetch-models). Returns "" when none exists.
std::string findModelsDir(const std::string& explicitDir, const std::string& exeDir);
// The same for the corpora (the Sequence lab's texts, corpora/ filled by scripts/setup.sh from
// ../shared/datasets): --corpora DIR, else $DLLAB_CORPORA, else a `corpora` folder walking up from exeDir.
std::string findCorporaDir(const std::string& explicitDir, const std::string& exeDir);
// Where an installed app keeps the models and corpora it fetched: $XDG_DATA_HOME/dllab, else
// $HOME/.local/share/dllab (the XDG Base Directory specification); "" when neither variable is set.
std::string userDataDir();
// The bytes of a model file; IoError "<what> is missing: <path> does not exist; it is … from <source>; fetch
// it with scripts/fetch-models.sh …" (core/models/model_manifest.h: fetchAdvice).
std::string readModelFile(const std::string& path, const std::string& what);

} // namespace dl
