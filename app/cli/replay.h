// SPDX-License-Identifier: MIT
// dlcli replay FILE: a saved comparison (core/train/comparison.h) run again headless — its subcommand with
// its options and --json, in this process — and its numbers compared with the saved ones. Exit 0 when they
// are the same (timings aside), 1 with the first difference otherwise. Qt-free.
#pragma once
#include "app/cli/command.h"

namespace dlcli {

// `all`: every subcommand dlcli has (the one a file names is looked up there; replay itself is refused).
Command replayCommand(const std::vector<Command>& all);

} // namespace dlcli
