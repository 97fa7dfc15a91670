// SPDX-License-Identifier: MIT
// The Sequence lab headless (COURSE.md §11): `dlcli charlm` trains a character-level language model on the
// dinosaur names, tiny Shakespeare or any UTF-8 text, prints the loss and samples, saves the model; with
// --sample it draws from a saved model; with --gradcheck it checks every parameter in double.
#include "app/labs/sequence/cli.h"

#include "core/models/model_files.h"
#include "core/models/model_manifest.h"
#include "core/seq/char_model_file.h"
#include "core/seq/char_trainer.h"
#include "core/seq/seq_net.h"
#include "core/train/gradcheck.h"
#include "core/util/file.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <numeric>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// dinos / shakespeare: the corpora setup links (corpora/); anything else: a file path.
std::string corpusPath(const Args& a, const std::string& corpus)
{
    const std::map<std::string, std::string> known{{"dinos", "dinosaurs/dinos.txt"},
                                                   {"shakespeare", "tinyshakespeare/input.txt"}};
    const auto it = known.find(corpus);
    if (it == known.end()) return corpus;
    const std::string dir =
        dl::findCorporaDir(a.str("corpora", ""), std::filesystem::path(a.program).parent_path().string());
    const std::string path = (std::filesystem::path(dir.empty() ? "corpora" : dir) / it->second).string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw std::runtime_error("the " + corpus + " corpus is missing: " + path + " does not exist; " +
                                 dl::fetchAdvice("corpora/" + it->second));
    return path;
}

dl::CharRunSpec runSpec(const Args& a, bool lines)
{
    dl::CharRunSpec s = dl::courseDinosaurRun();
    try {
        s.cell = dl::parseCell(a.str("cell", "rnn"));
        const std::string opt = a.str("optimizer", lines ? "gd" : "adam");
        if (opt != "gd" && opt != "adam") throw dl::ConfigError("optimizer must be gd or adam, not \"" + opt + "\"");
        s.hyper.opt.kind = opt == "gd" ? dl::OptKind::GD : dl::OptKind::Adam;
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--") + e.what());
    }
    s.hidden = static_cast<int>(a.num("hidden", 50));
    s.depth = static_cast<int>(a.num("depth", 1));
    s.seq = static_cast<int>(a.num("seq", 25));
    s.batch = static_cast<int>(a.num("batch", 1));
    s.hyper.lr = static_cast<float>(a.num("lr", s.hyper.opt.kind == dl::OptKind::GD ? 0.01 : 0.002));
    s.hyper.clipValue = a.has("clip-norm") ? 0.f : static_cast<float>(a.num("clip-value", 5));
    s.hyper.clipNorm = static_cast<float>(a.num("clip-norm", 0));
    s.hyper.keepProb = static_cast<float>(a.num("keep-prob", 1));
    s.hyper.decay = dlcli::decayFromArgs(a);
    s.seed = static_cast<std::uint32_t>(a.num("seed", 1));
    return s;
}

// Sample statistics the issue names: samples not in the corpus, samples ending like the corpus's names
// (its 20 most common 4-letter endings), sampled words found in the corpus.
struct SampleStats {
    double newShare = 0, endingShare = 0, wordShare = 0;
};

SampleStats sampleStats(const dl::CharCorpus& c, const std::vector<std::u32string>& samples)
{
    SampleStats st;
    if (samples.empty()) return st;
    if (c.mode == dl::CorpusMode::Lines) {
        std::set<std::u32string> names(c.trainLines.begin(), c.trainLines.end());
        names.insert(c.devLines.begin(), c.devLines.end());
        std::map<std::u32string, int> endings;
        for (const auto& n : names)
            if (n.size() >= 4) ++endings[n.substr(n.size() - 4)];
        std::vector<std::pair<int, std::u32string>> byCount;
        for (const auto& [e, k] : endings) byCount.push_back({-k, e});
        std::sort(byCount.begin(), byCount.end());
        std::set<std::u32string> common;
        for (size_t i = 0; i < byCount.size() && i < 20; ++i) common.insert(byCount[i].second);
        int fresh = 0, ending = 0;
        for (const auto& s : samples) {
            fresh += names.count(s) == 0;
            ending += s.size() >= 4 && common.count(s.substr(s.size() - 4));
        }
        st.newShare = double(fresh) / samples.size();
        st.endingShare = double(ending) / samples.size();
        return st;
    }
    auto words = [](const std::u32string& t) {
        std::vector<std::u32string> out;
        std::u32string w;
        for (char32_t ch : t) {
            const bool letter = (ch >= U'a' && ch <= U'z') || (ch >= U'A' && ch <= U'Z') || ch == U'\'' || ch > 127;
            if (letter) {
                w += ch;
            } else if (!w.empty()) {
                out.push_back(w);
                w.clear();
            }
        }
        if (!w.empty()) out.push_back(w);
        return out;
    };
    std::set<std::u32string> vocab;
    for (const auto& w : words(c.trainText)) vocab.insert(w);
    long found = 0, total = 0, fresh = 0;
    for (const auto& s : samples) {
        for (const auto& w : words(s)) found += vocab.count(w), ++total;
        fresh += c.trainText.find(s) == std::u32string::npos;
    }
    st.wordShare = total ? double(found) / total : 0;
    st.newShare = double(fresh) / samples.size();
    return st;
}

dl::Json samplesJson(const std::vector<std::u32string>& samples)
{
    dl::Json j = dl::Json::array();
    for (const auto& s : samples) j.push(dl::encodeUtf8(s));
    return j;
}

// Every parameter's analytic gradient against central differences (core/train/gradcheck.h); the worst
// relative difference ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖).
template <typename Net, typename Cost>
double worstDifference(Net& net, Cost cost, const Args& a, dl::Json& report)
{
    cost();
    for (auto* p : net.params()) p->grad.setZero();
    net.backward();
    double worst = 0;
    for (auto* p : net.params()) {
        const dl::TensorD approx = dl::numericGradient(p->value, cost);
        const double d = (p->grad.arr() - approx.arr()).matrix().norm() /
                         (p->grad.arr().matrix().norm() + approx.arr().matrix().norm() + 1e-300);
        worst = std::max(worst, d);
        if (!a.has("json") && !a.has("quiet")) std::printf("%-16s %10zu  %.3g\n", p->name.c_str(), p->value.size(), d);
        report.push(dl::Json::object().set("param", p->name).set("difference", d));
    }
    return worst;
}

// The character model (1–3 layers), or with --bidirectional the sequence network of seq_net.h (1–2 layers,
// both directions, a target at every step) — in double, every parameter below 1e-7.
int gradcheck(const Args& a)
{
    const dl::CellKind kind = dl::parseCell(a.str("cell", "lstm"));
    const int depth = static_cast<int>(a.num("depth", 1));
    const bool bi = a.has("bidirectional");
    dl::Rng rng(static_cast<std::uint32_t>(a.num("seed", 1)));
    const int T = 5, B = 2;
    std::vector<int> x(T * B), y(T * B);
    dl::Json layers = dl::Json::array();
    double worst = 0;
    if (bi) {
        dl::SeqNetT<double> net({kind, 7, 6, 3, depth, true});
        net.init(rng, 0.5);
        for (int j = 0; j < T * B; ++j) x[j] = rng.uniformInt(0, 6), y[j] = rng.uniformInt(0, 2);
        worst = worstDifference(net, [&] { return net.forward(x, y, T, B); }, a, layers);
    } else {
        dl::CharModelT<double> m({kind, 7, 6, depth});
        m.init(rng, 0.5);
        for (int j = 0; j < T * B; ++j) x[j] = j < B ? -1 : rng.uniformInt(0, 6), y[j] = rng.uniformInt(0, 6);
        if (a.has("dropout")) m.setDropout(0.7f, 3), m.holdMasks(true); // one mask for every difference
        worst = worstDifference(m, [&] { return m.forward(x, y, T, B, {}); }, a, layers);
    }
    if (a.has("json"))
        std::printf("%s\n", dl::Json::object().set("cell", dl::cellName(kind)).set("depth", depth).set("bidirectional", bi)
                                .set("worst", worst).set("params", layers).set("passed", worst < 1e-7).dump().c_str());
    else
        std::printf("%s, depth %d%s: worst relative difference %.3g (%s)\n", dl::cellName(kind), depth,
                    bi ? ", bidirectional" : "", worst, worst < 1e-7 ? "below 1e-7: passed" : "FAILED");
    return worst < 1e-7 ? 0 : 1;
}

int sampleSaved(const Args& a)
{
    const dl::CharModelFile f = dl::readCharModel(a.str("sample", ""));
    dl::SampleOptions o;
    o.temperature = a.num("temperature", 1);
    o.topK = static_cast<int>(a.num("top-k", 0));
    o.prime = dl::decodeUtf8(a.str("prime", ""), "--prime");
    o.maxLength = static_cast<int>(a.num("length", f.mode == dl::CorpusMode::Lines ? 50 : 500));
    o.endAtNewline = f.mode == dl::CorpusMode::Lines;
    dl::Rng rng(static_cast<std::uint32_t>(a.num("seed", 1)));
    std::vector<std::u32string> out;
    for (int i = 0; i < static_cast<int>(a.num("n", 10)); ++i) {
        std::vector<int> ids = dl::sampleIds(*f.model, f.vocab, rng, o);
        if (f.mode == dl::CorpusMode::Lines && !ids.empty() && ids.back() == f.vocab.newline()) ids.pop_back();
        out.push_back(o.prime + f.vocab.decode(ids));
    }
    if (a.has("json")) {
        std::printf("%s\n", dl::Json::object().set("samples", samplesJson(out)).dump().c_str());
    } else {
        for (const auto& s : out) std::printf("%s\n", dl::encodeUtf8(s).c_str());
    }
    return 0;
}

} // namespace

dl::CorpusMode corpusModeFromArgs(const Args& a)
{
    try {
        return dl::parseCorpusMode(a.str("mode", a.str("corpus", "dinos") == "dinos" ? "lines" : "text"));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--") + e.what());
    }
}

dl::CharCorpus corpusFromArgs(const Args& a, std::string* pathOut)
{
    const dl::CorpusMode mode = corpusModeFromArgs(a); // a wrong option is said before a missing file
    const std::string corpus = a.str("corpus", "dinos");
    const std::string path = corpusPath(a, corpus);
    const bool dinos = corpus == "dinos";
    if (pathOut) *pathOut = path;
    return dl::makeCorpus(dl::readFile(path), std::filesystem::path(path).filename().string(), mode, dinos,
                          static_cast<int>(a.num("vocab-cap", 256)));
}

dl::CharRunSpec runSpecFromArgs(const Args& a, bool lines)
{
    return runSpec(a, lines);
}

namespace {

int charlm(const Args& a)
{
    if (a.has("gradcheck")) return gradcheck(a);
    if (a.has("sample")) return sampleSaved(a);
    const dl::CorpusMode mode = corpusModeFromArgs(a);
    const bool lines = mode == dl::CorpusMode::Lines;
    dl::CharRunSpec spec = runSpec(a, lines); // the options' usage errors before the corpus is read
    // --warmup: steps trained before the clock starts, as run-anchors.sh times after one warm-up repetition
    // (the first steps pay for cold caches, first-touch pages and the BLAS buffers); they train the model.
    const long warmup = static_cast<long>(a.num("warmup", 0));
    if (warmup < 0) throw UsageError("--warmup must be 0 or more steps, not " + std::to_string(warmup));
    std::string path;
    dl::CharCorpus corpus = corpusFromArgs(a, &path);
    dl::CharTrainer t(std::move(corpus), spec);
    const long iterations = static_cast<long>(a.num("iterations", lines ? 35000 : 2000));
    const long every = static_cast<long>(a.num("sample-every", 0));
    dl::SampleOptions o;
    o.temperature = a.num("temperature", 1);
    o.topK = static_cast<int>(a.num("top-k", 0));
    o.maxLength = lines ? 50 : 200;
    FILE* log = a.has("json") ? stderr : stdout;
    const bool quiet = a.has("quiet");
    if (!quiet)
        std::fprintf(log, "charlm: %s, %s mode, %d symbols, %s hidden %d × %d, %zu parameters\n", path.c_str(),
                     dl::corpusModeName(mode), t.vocab().size(), dl::cellName(spec.cell), spec.hidden, spec.depth,
                     t.model().paramCount());
    double seconds = 0;
    std::deque<double> recentLoss;
    dl::StepStats last;
    const double minutes = a.num("minutes", 0);
    const long devEvery = static_cast<long>(a.num("dev-every", 0));
    for (long i = 0; i < warmup && !dlcli::cancelFlag().requested() && !last.diverged; ++i) last = t.step();
    const double warmChars = static_cast<double>(t.charactersTrained());
    const double warmNames = static_cast<double>(t.sequencesTrained());
    const auto start = std::chrono::steady_clock::now();
    auto wallMinutes = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 60; };
    for (long i = 0; i < iterations && !last.diverged && !dlcli::cancelFlag().requested(); ++i) {
        if (minutes > 0 && wallMinutes() >= minutes) break; // the wall-clock budget, training and reports
        const auto t0 = std::chrono::steady_clock::now();
        last = t.step();
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (last.diverged || ((i + 1) % 100 == 0 && !t.notLearningMessage().empty())) break;
        recentLoss.push_back(t.lastLossPerChar()); // loss: the mean of the last 1000 steps
        if (recentLoss.size() > 1000) recentLoss.pop_front();
        if (!quiet && every > 0 && (i + 1) % every == 0) {
            std::fprintf(log, "iteration %ld  loss %.4f/char  smoothed %.3f\n", i + 1, t.lastLossPerChar(),
                         t.smoothedLoss());
            for (const auto& s : t.sample(lines ? 5 : 1, o)) std::fprintf(log, "  %s\n", dl::encodeUtf8(s).c_str());
        }
        if (!quiet && devEvery > 0 && (i + 1) % devEvery == 0)
            std::fprintf(log, "iteration %ld  epoch %ld  dev loss %.4f/char  (%.1f min)\n", i + 1, t.loop().epochs(),
                         t.devLoss(), wallMinutes());
    }
    if (last.diverged) throw std::runtime_error(dl::divergenceMessage(last));
    if (const std::string m = t.notLearningMessage(); !m.empty()) throw std::runtime_error(m);
    const double recent = std::accumulate(recentLoss.begin(), recentLoss.end(), 0.0);
    const size_t recentN = recentLoss.size();
    const double dev = t.devLoss();
    const std::vector<std::u32string> samples = t.sample(static_cast<int>(a.num("samples", lines ? 200 : 10)), o);
    const SampleStats st = sampleStats(t.corpus(), samples);
    if (a.has("save")) dl::saveCharModel(t, a.str("save", ""));
    if (a.has("json")) {
        dl::Json j = dl::Json::object();
        j.set("corpus", path).set("mode", dl::corpusModeName(mode)).set("cell", dl::cellName(spec.cell));
        j.set("hidden", spec.hidden).set("depth", spec.depth).set("parameters", static_cast<long>(t.model().paramCount()));
        j.set("loss", recentN ? recent / recentN : 0.0).set("dev_loss", dev).set("dev_bits_per_char", dev / std::log(2.0));
        if (lines) j.set("smoothed_loss", t.smoothedLoss());
        j.set("iterations", t.steps()).set("seconds", seconds);
        j.set("chars_per_second", seconds > 0 ? (t.charactersTrained() - warmChars) / seconds : 0.0);
        if (lines) j.set("names_per_second", seconds > 0 ? (t.sequencesTrained() - warmNames) / seconds : 0.0);
        j.set("samples", samplesJson(samples)).set("new_sample_share", st.newShare);
        if (lines) j.set("ending_share", st.endingShare);
        else j.set("word_share", st.wordShare);
        std::printf("%s\n", j.dump().c_str());
    } else {
        std::printf("%ld iterations in %.1f s; loss %.4f nats/char (dev %.4f)%s\n", t.steps(), seconds,
                    recentN ? recent / recentN : 0.0, dev,
                    lines ? (", smoothed " + std::to_string(t.smoothedLoss())).c_str() : "");
        for (size_t i = 0; i < samples.size() && i < 10; ++i) std::printf("  %s\n", dl::encodeUtf8(samples[i]).c_str());
    }
    return 0;
}

} // namespace

std::vector<dlcli::Command> sequenceCommands()
{
    return {{"charlm",
             "a character-level language model (the Sequence lab headless, COURSE.md §11): dinosaur names, "
             "tiny Shakespeare or any UTF-8 text; --sample M draws from a saved model, --gradcheck checks a cell",
             dlcli::join({{"corpus", Kind::Text, "dinos|shakespeare|FILE (dinos)"},
              {"corpora", Kind::Text, "the corpora folder (default: $DLLAB_CORPORA, else corpora/)"},
              {"mode", Kind::Text, "lines (one example a line) | text (windows of running text); default by corpus"},
              {"cell", Kind::Text, "rnn|gru|lstm (rnn; --gradcheck: lstm)"},
              {"hidden", Kind::Number, "units per layer (50)"},
              {"depth", Kind::Number, "stacked recurrent layers, 1-3 (1)"},
              {"seq", Kind::Number, "text mode: characters per window, the truncation of BPTT (25)"},
              {"batch", Kind::Number, "lines or parallel text tracks a step (1)"},
              {"optimizer", Kind::Text, "gd|adam (lines: gd, text: adam)"},
              {"lr", Kind::Number, "learning rate (gd 0.01, adam 0.002)"},
              {"clip-value", Kind::Number, "clip every gradient entry to ±V (5)"},
              {"clip-norm", Kind::Number, "clip the gradient's norm instead"},
              {"iterations", Kind::Number, "training steps (lines 35000, text 2000)"},
              {"warmup", Kind::Number, "steps trained before the timed ones, outside seconds and the rates (0)"},
              {"minutes", Kind::Number, "stop training after this many minutes of wall time (0: no limit)"},
              {"keep-prob", Kind::Number, "dropout keep probability between the layers and below the softmax (1)"},
              {"dev-every", Kind::Number, "steps between printed dev losses (0: only at the end)"},
              {"sample-every", Kind::Number, "steps between printed samples (0: none)"},
              {"samples", Kind::Number, "samples drawn at the end (lines 200, text 10)"},
              {"temperature", Kind::Number, "sampling temperature (1)"},
              {"top-k", Kind::Number, "draw among the k most likely characters (0: all)"},
              {"vocab-cap", Kind::Number, "the most frequent characters kept, the rest <unk> (256)"},
              {"save", Kind::Text, "save the model"},
              {"sample", Kind::Text, "draw from a saved model instead of training"},
              {"n", Kind::Number, "--sample: how many (10)"},
              {"prime", Kind::Text, "--sample: text to start from"},
              {"length", Kind::Number, "--sample: most characters per sample (lines 50, text 500)"},
              {"gradcheck", Kind::Flag, "check every parameter of --cell (--depth) in double; exit 0 below 1e-7"},
              {"bidirectional", Kind::Flag, "--gradcheck: the bidirectional sequence network (depth 1-2)"},
              {"dropout", Kind::Flag, "--gradcheck: with dropout (keep 0.7, the masks held fixed)"}},
                         dlcli::decayOptions()),
             "",
             0,
             charlm},
            seqstudyCommand()};
}
