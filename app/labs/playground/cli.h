// SPDX-License-Identifier: MIT
// The Playground lab's dlcli subcommands: train2d, gradcheck, compare (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> playgroundCommands();
