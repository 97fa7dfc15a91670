// SPDX-License-Identifier: MIT
// The Images lab's dlcli subcommands: train-images, bench-conv (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> imagesCommands();
