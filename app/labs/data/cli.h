// SPDX-License-Identifier: MIT
// The data lab's dlcli subcommands: clean and label (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> dataCommands(); // clean (cli_clean.cpp) and label
dlcli::Command labelCommand();              // cli_label.cpp
dlcli::Command labelStudyCommand();         // cli_label.cpp
