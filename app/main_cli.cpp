// SPDX-License-Identifier: MIT
// dlcli: the headless front end of the core, for scripts, benchmarks and replaying experiments. Links
// dlcore only (no Qt). This file is the CLI's registry: one line per lab; each lab's subcommands and their
// options live in its folder (app/labs/<lab>/cli.h), the parser in app/cli/command.h.
#include "app/cli/export.h"
#include "app/cli/replay.h"
#include "app/labs/data/cli.h"
#include "app/labs/detection/cli.h"
#include "app/labs/dynamics/cli.h"
#include "app/labs/faces/cli.h"
#include "app/labs/images/cli.h"
#include "app/labs/playground/cli.h"
#include "app/labs/sequence/cli.h"
#include "app/labs/style/cli.h"
#include "core/util/memory.h"

#include <csignal>

namespace {

extern "C" void onSignal(int)
{
    dlcli::cancelFlag().request();
}

} // namespace

int main(int argc, char** argv)
{
    dl::keepFreedMemory();
    std::signal(SIGINT, onSignal);
    std::vector<dlcli::Command> commands;
    for (auto labCommands : {playgroundCommands, imagesCommands, detectionCommands, styleCommands, sequenceCommands, facesCommands,
                             dynamicsCommands, dataCommands})
        for (dlcli::Command& c : labCommands()) commands.push_back(std::move(c));
    commands.push_back(dlcli::exportCommand());
    std::vector<dlcli::Command> all = commands; // replay runs the others; it holds their list
    all.push_back(dlcli::replayCommand(commands));
    return dlcli::runCommands(argc, argv, all);
}
