// SPDX-License-Identifier: MIT
// The Faces lab's dlcli subcommands: faces and triplet (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> facesCommands();
dlcli::Command tripletCommand(); // cli_triplet.cpp
