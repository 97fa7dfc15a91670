// SPDX-License-Identifier: MIT
// The training-dynamics lab's dlcli subcommands: race (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> dynamicsCommands();
