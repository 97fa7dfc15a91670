// SPDX-License-Identifier: MIT
// The Style lab's dlcli subcommands: style, bench-style (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> styleCommands();
