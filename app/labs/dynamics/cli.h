// SPDX-License-Identifier: MIT
// The training-dynamics lab's dlcli subcommands: race, initstudy, search, schedules, lrfind and regularise (Qt-free; app/cli/command.h).
#pragma once
#include "app/cli/command.h"

std::vector<dlcli::Command> dynamicsCommands(); // race (cli_race.cpp), initstudy
dlcli::Command initstudyCommand();             // cli_initstudy.cpp
dlcli::Command searchCommand();                // cli_search.cpp
std::vector<dlcli::Command> scheduleCommands(); // cli_studies.cpp: schedules, lrfind, regularise
