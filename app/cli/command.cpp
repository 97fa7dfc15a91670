// SPDX-License-Identifier: MIT
#include "app/cli/command.h"

#include "core/util/error.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <list>
#include <sstream>

namespace dlcli {

std::string Args::str(const std::string& k, const std::string& def) const
{
    auto it = opts.find(k);
    return it == opts.end() ? def : it->second;
}

std::vector<std::string> Args::list(const std::string& k) const
{
    auto it = lists.find(k);
    return it == lists.end() ? std::vector<std::string>() : it->second;
}

double Args::num(const std::string& k, double def) const
{
    auto it = opts.find(k);
    if (it == opts.end()) return def;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0')
        throw UsageError("--" + k + " expects a number, got \"" + it->second + "\"");
    return v;
}

const std::vector<Option>& sharedOptions()
{
    static const std::vector<Option> shared = {
        {"seed", Kind::Number, "random seed of the data, the initial weights and the shuffles (1)"},
        {"threads", Kind::Number,
         "threads to use; default: chosen from the machine's load (core/util/threads.h)"},
        {"json", Kind::Flag, "one final JSON object on stdout; progress goes to stderr"},
        {"quiet", Kind::Flag, "no progress lines"},
    };
    return shared;
}

const std::vector<Option>& decayOptions()
{
    static const std::vector<Option> decay = {
        {"decay", Kind::Text, "learning-rate decay per epoch: none|inverse-time|exponential|step|inverse-sqrt|staircase (none)"},
        {"decay-rate", Kind::Number, "decay rate, e.g. 0.8 with exponential (1)"},
        {"decay-interval", Kind::Number, "step decay: epochs between stairs (1000)"},
    };
    return decay;
}

const std::vector<Option>& imageDataOptions()
{
    static const std::vector<Option> data = {
        {"dataset", Kind::Text, "fashion-mnist | folder:PATH (fashion-mnist)"},
        {"data", Kind::Text, "Fashion-MNIST's folder (/usr/share/datasets/fashion-mnist)"},
        {"size", Kind::Number, "picture size of a folder dataset (28)"},
        {"channels", Kind::Number, "1 or 3 channels of a folder dataset (1)"},
        {"limit", Kind::Number, "use only the first N training images (0: all)"},
    };
    return data;
}

dl::ImageSource imageSourceFromArgs(const Args& a)
{
    dl::ImageSource src;
    src.dataset = a.str("dataset", "fashion-mnist");
    if (src.dataset != "fashion-mnist" && src.dataset.rfind("folder:", 0) != 0)
        throw UsageError("--dataset: use fashion-mnist or folder:PATH");
    src.dir = a.str("data", dl::kFashionMnistDir);
    src.size = static_cast<int>(a.num("size", 28));
    src.channels = static_cast<int>(a.num("channels", 1));
    src.limit = static_cast<int>(a.num("limit", 0)); // a quick look on fewer training images
    src.seed = static_cast<std::uint32_t>(a.num("seed", 1));
    return src;
}

dl::DecayConfig decayFromArgs(const Args& a)
{
    dl::DecayConfig d;
    try {
        d.kind = dl::parseDecay(a.str("decay", "none"));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--decay: ") + e.what());
    }
    d.rate = static_cast<float>(a.num("decay-rate", d.rate));
    d.interval = static_cast<int>(a.num("decay-interval", d.interval));
    return d;
}

const Option& modelsOption()
{
    static const Option o{"models", Kind::Text,
                          "the models folder (default: models/ beside the program or the project)"};
    return o;
}

namespace {
std::string shellWord(const std::string& w)
{
    if (!w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                          "-_.,:/+=@%") == std::string::npos)
        return w;
    std::string q = "'";
    for (char ch : w) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return q + "'";
}
} // namespace

std::string commandLine(const Command& c, const std::vector<std::string>& positional,
                        const std::vector<std::pair<std::string, std::string>>& values)
{
    std::string line = "dlcli " + c.name;
    for (const std::string& p : positional) line += " " + shellWord(p);
    for (const auto& nameValue : values) {
        const std::string& name = nameValue.first; // (clang 14 cannot capture a structured binding)
        const std::string& value = nameValue.second;
        auto declared = [&](const std::vector<Option>& list) {
            for (const Option& o : list)
                if (o.name == name) return true;
            return false;
        };
        if (!declared(c.options) && !declared(sharedOptions()))
            throw std::logic_error("dlcli " + c.name + " has no option --" + name);
        line += " --" + name;
        if (!value.empty()) line += " " + shellWord(value);
    }
    return line;
}

std::vector<Option> join(std::vector<Option> a, const std::vector<Option>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

dl::CancelFlag& cancelFlag()
{
    static dl::CancelFlag flag;
    return flag;
}

namespace {

// A value strtod reads whole ("1e4", "-0.5"); the message names what it got (CLI11 puts the option first).
const CLI::Validator& number()
{
    static const CLI::Validator v(
        [](std::string& text) {
            char* end = nullptr;
            std::strtod(text.c_str(), &end);
            return !text.empty() && *end == '\0' ? std::string() : "expects a number, got \"" + text + "\"";
        },
        ""); // no description: the help shows the type name alone ("--lr NUMBER")
    return v;
}

// Where one subcommand's parsed values land until they are copied into Args.
struct Bound {
    const Command* command = nullptr;
    CLI::App* app = nullptr;
    std::vector<std::pair<const Option*, CLI::Option*>> options;
    std::vector<Option> declared;  // the command's options and the shared ones
    std::list<std::string> values; // stable addresses for CLI11's targets
    std::list<std::vector<std::string>> lists;
    std::vector<std::string*> positional;
    std::vector<std::string> rest; // a last positional named "NAME...": all the remaining words
};

void bind(CLI::App& app, const Command& c, Bound& b)
{
    b.command = &c;
    b.app = app.add_subcommand(c.name, c.help);
    b.declared = join(c.options, sharedOptions());
    for (const Option& o : b.declared) {
        CLI::Option* opt = nullptr;
        if (o.kind == Kind::Flag) {
            opt = b.app->add_flag("--" + o.name, o.help);
        } else if (o.kind == Kind::List) { // one value per occurrence: "--range a:0:1 --range b:2:3"
            opt = b.app->add_option("--" + o.name, b.lists.emplace_back(), o.help)->allow_extra_args(false);
            opt->type_name("TEXT (repeatable)");
        } else {
            opt = b.app->add_option("--" + o.name, b.values.emplace_back(), o.help);
            if (o.kind == Kind::Number) opt->check(number())->type_name("NUMBER");
        }
        b.options.emplace_back(&o, opt);
    }
    std::istringstream names(c.positionals);
    size_t k = 0;
    for (std::string name; names >> name; ++k) {
        if (name.size() > 3 && name.compare(name.size() - 3, 3, "...") == 0) { // variadic, last
            CLI::Option* p = b.app->add_option(name, b.rest, name);
            if (k < c.minPositionals) p->required();
            break;
        }
        std::string* target = &b.values.emplace_back();
        CLI::Option* p = b.app->add_option(name, *target, name);
        if (k < c.minPositionals) p->required();
        b.positional.push_back(target);
    }
}

Args collect(const Bound& b, const char* program)
{
    Args a;
    a.command = b.command->name;
    a.program = program;
    for (const auto& [o, opt] : b.options)
        if (opt->count() > 0 && o->kind == Kind::List)
            a.lists[o->name] = opt->as<std::vector<std::string>>();
        else if (opt->count() > 0)
            a.opts[o->name] = o->kind == Kind::Flag ? std::string("1") : opt->as<std::string>();
    for (const std::string* p : b.positional)
        if (!p->empty()) a.positional.push_back(*p);
    a.positional.insert(a.positional.end(), b.rest.begin(), b.rest.end());
    return a;
}

} // namespace

int runCommands(int argc, char** argv, const std::vector<Command>& commands)
{
    CLI::App app{"dlcli: the headless front end of DL Visual Lab's core (each lab's work, for scripts, "
                 "benchmarks and replaying experiments)",
                 "dlcli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "dlcli (DL Visual Lab) " DL_VERSION);
    std::list<Bound> bound;
    for (const Command& c : commands) bind(app, c, bound.emplace_back());
    if (argc == 2 && std::string(argv[1]) == "help") {
        std::cout << app.help();
        return 0;
    }
    if (argc >= 2 && argv[1][0] != '-') { // CLI11 would only say that a subcommand is required
        std::string names;
        bool known = false;
        for (const Command& c : commands) {
            known = known || c.name == argv[1];
            names += (names.empty() ? "" : ", ") + c.name;
        }
        if (!known) {
            std::cerr << "dlcli: unknown command \"" << argv[1] << "\"; the commands are " << names
                      << " (dlcli --help)\n";
            return 2;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const auto parsed = app.get_subcommands();
        const std::string hint =
            parsed.empty() ? "dlcli --help" : "dlcli " + parsed[0]->get_name() + " --help";
        std::cerr << "dlcli: " << e.what() << "\n(" << hint << " lists the options)\n";
        return 2;
    }
    for (const Bound& b : bound) {
        if (!b.app->parsed()) continue;
        try {
            const Args a = collect(b, argv[0]);
            if (a.has("threads")) {
                const double t = a.num("threads", 0);
                if (t < 1 || t > 256 || t != double(long(t))) throw UsageError("--threads must be 1 to 256");
                setenv("DL_THREADS", a.str("threads", "").c_str(), 1); // core/util/threads.h reads it
            }
            return b.command->run(a);
        } catch (const UsageError& e) {
            std::cerr << "dlcli: " << e.what() << "\n(dlcli " << b.command->name
                      << " --help lists the options)\n";
            return 2;
        } catch (const std::exception& e) {
            std::cerr << "dlcli: error: " << e.what() << "\n";
            return 1;
        }
    }
    return 2; // not reached: require_subcommand(1)
}

int runStudy(dl::Study& study, const Args& a, const char* name)
{
    const bool quiet = a.has("quiet") || a.has("json");
    int lastShown = -1;
    while (!cancelFlag().requested() && study.advance()) {
        const int percent = static_cast<int>(100 * study.progress());
        if (!quiet && percent / 10 != lastShown) std::fprintf(stderr, "%s: %d %%\n", name, percent), lastShown = percent / 10;
    }
    const dl::StudyReport r = study.report();
    if (a.has("json")) {
        std::printf("%s\n", dl::toJson(r).dump().c_str());
        return 0;
    }
    std::printf("%s\n", r.title.c_str());
    for (const auto& row : r.table) {
        for (size_t i = 0; i < row.size(); ++i) std::printf(i ? "  %-14s" : "%-22s", row[i].c_str());
        std::printf("\n");
    }
    std::printf("%s\n", r.note.c_str());
    return 0;
}

} // namespace dlcli
