// SPDX-License-Identifier: MIT
// dllab --fetch-models: the models and corpora resources/models.manifest lists, fetched by the fetch script
// (scripts/fetch-models.sh; installed as share/dllab/fetch-models.sh) into the project's models/ and corpora/
// when dllab runs from a build folder, or into userDataDir() (~/.local/share/dllab) when it is installed.
// Runs before any window: it needs no display.
#pragma once

namespace lab {

// Replaces this process with the script; returns an exit status only when the script cannot be found or run.
int fetchModels();

} // namespace lab
