// SPDX-License-Identifier: MIT
// dlcli's one command-line parser (CLI11, libcli11-dev): every subcommand declares its options once, as a
// list of Option; the parser, the usage text (`dlcli --help`, `dlcli CMD --help`) and the checks come from
// that list. An unknown option, a missing value or a number that is not one is an error naming it (exit
// status 2). Each lab's subcommands live in its folder (app/labs/<lab>/cli.h); app/main_cli.cpp lists them.
// Qt-free.
#pragma once
#include "core/train/study.h"
#include "core/data/image_source.h"
#include "core/optim/schedule.h"
#include "core/util/cancel.h"

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dlcli {

// A mistake in how dlcli was called (exit status 2, with a hint to --help).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The values one subcommand was given, by option name without "--" (a flag holds "1").
struct Args {
    std::string command;
    std::string program; // argv[0]: the folder beside it holds models/ (detect, style)
    std::vector<std::string> positional;
    std::map<std::string, std::string> opts;
    std::map<std::string, std::vector<std::string>> lists; // Kind::List options, every occurrence in order
    bool has(const std::string& k) const { return opts.count(k) > 0 || lists.count(k) > 0; }
    std::vector<std::string> list(const std::string& k) const; // empty when not given
    std::string str(const std::string& k, const std::string& def) const;
    double num(const std::string& k, double def) const; // the parser has checked it is a number
};

enum class Kind { Flag, Text, Number, List }; // List: a text option that may be given more than once

struct Option {
    std::string name; // without "--"
    Kind kind;
    std::string help; // with its default, as the usage text shows it
};

struct Command {
    std::string name, help;
    std::vector<Option> options;
    std::string positionals; // e.g. "IMAGE" or "CONTENT STYLE" (names, space-separated); empty: none
    size_t minPositionals = 0;
    std::function<int(const Args&)> run;
};

// --models DIR, for the subcommands that read models/ (detection, style).
const Option& modelsOption();
// The options every subcommand takes: --seed, --threads, --json, --quiet (and --help, --version).
const std::vector<Option>& sharedOptions();
// --decay, --decay-rate, --decay-interval: the learning-rate schedule (COURSE.md §4), per epoch of the
// subcommand's data; and the DecayConfig they give (a wrong --decay is a UsageError naming it).
const std::vector<Option>& decayOptions();
dl::DecayConfig decayFromArgs(const Args& a);
// --dataset, --data, --size, --channels, --limit: where a subcommand's images come from (Fashion-MNIST or
// folder:PATH, core/data/image_source.h), and the ImageSource they give (a wrong --dataset is a UsageError).
const std::vector<Option>& imageDataOptions();
dl::ImageSource imageSourceFromArgs(const Args& a);
// `a` then `b`: option lists of a family of subcommands (data, network, training…) put together.
std::vector<Option> join(std::vector<Option> a, const std::vector<Option>& b);

// The shell line that runs `c` with these positionals and option values (in this order; an empty value
// is a flag), each word quoted when it needs it. "Copy CLI" in a lab builds its line here, from the same
// definitions the parser uses: an option `c` does not declare throws std::logic_error.
std::string commandLine(const Command& c, const std::vector<std::string>& positional,
                        const std::vector<std::pair<std::string, std::string>>& values);

// Parses argv against `commands` and runs the one named. Returns the exit status: the command's, 0 for
// --help/--version, 2 for a usage mistake, 1 for any other error (one line "dlcli: error: …").
int runCommands(int argc, char** argv, const std::vector<Command>& commands);

// Set by Ctrl-C: long commands stop at their next step and report what they did.
dl::CancelFlag& cancelFlag();

// Runs a study (core/train/study.h) to its end or a Ctrl-C, "NAME: 40 %" on stderr every tenth unless
// --quiet or --json, then prints its report: the title, the table and the note, or with --json the whole
// report (curves included) as one JSON object. What every lab's study subcommand ends with.
int runStudy(dl::Study& study, const Args& a, const char* name);

} // namespace dlcli
