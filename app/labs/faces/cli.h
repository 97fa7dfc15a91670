// SPDX-License-Identifier: MIT
// The Faces lab's dlcli subcommand: faces (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> facesCommands();
