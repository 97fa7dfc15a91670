// SPDX-License-Identifier: MIT
// The Sequence lab's dlcli subcommands: charlm (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> sequenceCommands();
