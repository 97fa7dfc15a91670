// SPDX-License-Identifier: MIT
// The Detection lab's dlcli subcommand: detect (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> detectionCommands();
