// SPDX-License-Identifier: MIT
#include "app/cli/replay.h"

#include "core/train/comparison.h"
#include "core/util/error.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace dlcli {

namespace {

// Runs `argv` through the parser with the standard output going to a temporary file; returns what it printed.
std::string runCaptured(const std::vector<Command>& all, std::vector<std::string> args, int& status)
{
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    std::fflush(stdout);
    std::cout.flush();
    FILE* out = std::tmpfile();
    if (!out) throw dl::IoError("cannot create a temporary file for the replay's output");
    const int saved = dup(STDOUT_FILENO);
    dup2(fileno(out), STDOUT_FILENO);
    status = runCommands(int(argv.size()), argv.data(), all);
    std::fflush(stdout);
    std::cout.flush();
    dup2(saved, STDOUT_FILENO);
    close(saved);
    std::string text;
    std::rewind(out);
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, out)) > 0;) text.append(buf, n);
    std::fclose(out);
    return text;
}

int replay(const std::vector<Command>& all, const Args& a)
{
    const std::string path = a.positional.at(0);
    const dl::Comparison c = dl::loadComparison(path);
    const Command* cmd = nullptr;
    for (const Command& k : all)
        if (k.name == c.command) cmd = &k;
    if (!cmd || c.command == "replay")
        throw dl::FormatError(path + " names \"" + c.command + "\", which is not a dlcli subcommand that makes comparisons.");
    std::string line;
    try {
        line = commandLine(*cmd, {}, c.args); // also checks every option is one it has
    } catch (const std::logic_error& e) {
        throw dl::FormatError(path + ": " + e.what() + ".");
    }
    std::vector<std::string> args{a.program, c.command};
    for (const auto& [name, value] : c.args) {
        args.push_back("--" + name);
        if (!value.empty()) args.push_back(value);
    }
    args.push_back("--json");
    int status = 0;
    const std::string printed = runCaptured(all, args, status);
    dl::Json now;
    try {
        now = dl::Json::parse(printed);
    } catch (const dl::FormatError&) {
        throw dl::FormatError(line + " printed no JSON (exit status " + std::to_string(status) + ").");
    }
    const std::string difference = dl::firstDifference(c.result, now);
    if (a.has("json")) {
        dl::Json j = dl::Json::object();
        j.set("command", line).set("same", difference.empty());
        if (!difference.empty()) j.set("difference", difference);
        std::cout << j.dump() << std::endl;
    } else if (difference.empty()) {
        std::printf("%s: the same numbers as saved\n  %s\n", path.c_str(), line.c_str());
    } else {
        std::printf("%s: the numbers differ from the saved ones — %s\n  %s\n", path.c_str(), difference.c_str(),
                    line.c_str());
    }
    return difference.empty() ? 0 : 1;
}

} // namespace

Command replayCommand(const std::vector<Command>& all)
{
    return {"replay",
            "run a saved comparison again (File ▸ Save comparison… in the Dynamics lab) and check its numbers are "
            "the same; exit 1 with the first difference",
            {},
            "FILE",
            1,
            [&all](const Args& a) { return replay(all, a); }};
}

} // namespace dlcli
