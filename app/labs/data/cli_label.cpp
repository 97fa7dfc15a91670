// SPDX-License-Identifier: MIT
// dlcli label: labelling strategies on Fashion-MNIST with its labels hidden (core/label/labelling.h) — test
// accuracy against labels used per round, the annotators' cost and label accuracy, self-training's added
// labels and weak rules' coverage.
#include "app/labs/data/cli.h"

#include "core/label/label_study.h"
#include "core/label/labelling.h"
#include "core/util/error.h"
#include "core/util/file.h"
#include "core/util/json.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

std::vector<double> errorRates(const Args& a)
{
    const int n = int(a.num("annotators", 1));
    if (n < 1 || n > 15) throw UsageError("--annotators expects 1 to 15");
    std::vector<double> rates;
    const std::string text = a.str("annotator-error", "0");
    for (size_t at = 0; at <= text.size();) {
        const size_t comma = std::min(text.find(',', at), text.size());
        char* end = nullptr;
        const std::string v = text.substr(at, comma - at);
        rates.push_back(std::strtod(v.c_str(), &end));
        if (v.empty() || *end != '\0') throw UsageError("--annotator-error expects rates like 0.2 or 0.1,0.2,0.4, got \"" + text + "\"");
        at = comma + 1;
    }
    if (rates.size() == 1) rates.assign(size_t(n), rates[0]);
    if (int(rates.size()) != n) throw UsageError("--annotator-error gives " + std::to_string(rates.size()) + " rates for " + std::to_string(n) + " annotators");
    return rates;
}

dl::LabelSpec labelSpec(const Args& a)
{
    dl::LabelSpec s;
    const auto strategy = dl::strategyFromName(a.str("strategy", "random"));
    if (!strategy)
        throw UsageError("--strategy expects random|least-confident|margin|entropy|committee|self-training|weak, got \"" +
                         a.str("strategy", "") + "\"");
    s.strategy = *strategy;
    s.labelledPerClass = int(a.num("labelled-per-class", s.labelledPerClass));
    s.rounds = int(a.num("rounds", s.rounds)), s.batch = int(a.num("batch", s.batch));
    s.committee = int(a.num("committee", s.committee)), s.threshold = a.num("threshold", s.threshold);
    s.epochs = int(a.num("epochs", s.epochs)), s.lr = float(a.num("lr", s.lr));
    s.hidden = dl::parseHidden(a.str("hidden", "0"));
    s.seed = std::uint32_t(a.num("seed", 1));
    s.weakPerClass = int(a.num("weak-per-class", s.weakPerClass));
    if (a.has("rules")) s.rules = dl::readFile(a.str("rules", "")), s.rulesName = a.str("rules", "");
    s.annotators.errors = errorRates(a);
    const auto vote = dl::voteFromName(a.str("vote", "single"));
    if (!vote) throw UsageError("--vote expects single|majority|disagreement, got \"" + a.str("vote", "") + "\"");
    s.annotators.vote = *vote;
    s.annotators.screen = int(a.num("screen", 0)), s.annotators.screenLimit = a.num("screen-limit", 0.3);
    return s;
}

dl::Json roundsJson(const dl::LabelSession& session)
{
    dl::Json rounds = dl::Json::array();
    for (const dl::LabelRound& r : session.rounds()) {
        dl::Json j = dl::Json::object();
        j.set("labels_used", r.labelsUsed).set("test_accuracy", r.testAccuracy).set("labels_bought", r.labelsBought);
        j.set("label_accuracy", r.labelAccuracy);
        if (session.spec().strategy == dl::Strategy::SelfTraining)
            j.set("pseudo_added", r.pseudoAdded).set("pseudo_wrong", r.pseudoWrong).set("pseudo_total", r.pseudoTotal);
        if (session.spec().strategy == dl::Strategy::Weak) j.set("weak_used", r.weakUsed);
        rounds.push(j);
    }
    return rounds;
}

dl::Json weakJson(const dl::WeakLabels& w)
{
    dl::Json rules = dl::Json::array();
    for (const dl::RuleStats& r : w.rules)
        rules.push(dl::Json::object().set("rule", r.text).set("fired", r.fired).set("coverage", r.coverage())
                       .set("accuracy", r.accuracy()).set("conflicts", r.conflicts));
    return dl::Json::object().set("coverage", w.coverage()).set("labelled", w.labelled).set("accuracy", w.accuracy())
        .set("conflicted", w.conflicted).set("rules", rules);
}

dl::Json report(const dl::LabelSession& session, double seconds)
{
    const dl::LabelRound& last = session.rounds().back();
    dl::Json j = dl::Json::object();
    j.set("strategy", dl::strategyName(session.spec().strategy)).set("test_accuracy", last.testAccuracy);
    j.set("labels_used", last.labelsUsed).set("labels_bought", last.labelsBought).set("label_accuracy", last.labelAccuracy);
    j.set("seed_only_accuracy", session.seedOnlyAccuracy()).set("annotators_kept", session.annotatorsKept());
    j.set("rounds", roundsJson(session));
    if (session.spec().strategy == dl::Strategy::SelfTraining) {
        int added = 0, wrong = 0;
        for (const dl::LabelRound& r : session.rounds()) added += r.pseudoAdded, wrong += r.pseudoWrong;
        j.set("self_training", dl::Json::object().set("added", added).set("wrong", wrong)
                                   .set("precision", added ? double(added - wrong) / added : 1.0));
    }
    if (session.weak()) j.set("weak", weakJson(*session.weak()));
    j.set("seconds", seconds);
    return j;
}

dl::LabelDataSpec dataSpec(const Args& a);

int label(const Args& a)
{
    const auto start = std::chrono::steady_clock::now();
    const dl::LabelDataSpec ds = dataSpec(a);
    const dl::LabelSpec spec = labelSpec(a);
    auto data = std::make_shared<const dl::LabelData>(dl::loadLabelData(ds));
    dl::LabelSession session(spec, data);
    const bool json = a.has("json");
    FILE* progress = json ? stderr : stdout;
    while (!session.done()) {
        session.step(&dlcli::cancelFlag());
        const dl::LabelRound& r = session.rounds().back();
        if (!a.has("quiet"))
            std::fprintf(progress, "round %zu: %d labels used (%d bought), test accuracy %.4f\n", session.rounds().size() - 1,
                         r.labelsUsed, r.labelsBought, r.testAccuracy);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (json) std::printf("%s\n", report(session, seconds).dump().c_str());
    return 0;
}

dl::LabelDataSpec dataSpec(const Args& a)
{
    if (a.str("dataset", "fashion-mnist") != "fashion-mnist")
        throw UsageError("--dataset: only fashion-mnist has hidden labels to simulate the annotators (the lab asks you for your own folder's)");
    dl::LabelDataSpec ds;
    ds.fashionDir = a.str("data", ds.fashionDir);
    ds.pool = int(a.num("pool", ds.pool)), ds.test = int(a.num("test", ds.test));
    ds.seed = std::uint32_t(a.num("seed", 1));
    return ds;
}

int labelStudy(const Args& a)
{
    dl::LabelStudySpec s;
    s.data = dataSpec(a);
    s.base = labelSpec(a);
    s.seeds = int(a.num("seeds", 1));
    s.strategies.clear();
    const std::string list = a.str("strategies", "random,margin");
    for (size_t at = 0; at <= list.size();) {
        const size_t comma = std::min(list.find(',', at), list.size());
        const auto st = dl::strategyFromName(list.substr(at, comma - at));
        if (!st) throw UsageError("--strategies expects names from random|least-confident|margin|entropy|committee|self-training|weak, got \"" + list + "\"");
        s.strategies.push_back(*st);
        at = comma + 1;
    }
    dl::LabelStudy study(s);
    return dlcli::runStudy(study, a, "labelstudy");
}

} // namespace

dlcli::Command labelStudyCommand()
{
    dlcli::Command c = labelCommand();
    c.name = "labelstudy";
    c.help = "labelling strategies side by side (course chapter 12): the same pool, seed set and budget for each, "
             "over several seeds; test accuracy against labels used, the mean and its spread";
    c.options.erase(std::remove_if(c.options.begin(), c.options.end(), [](const dlcli::Option& o) { return o.name == "strategy"; }),
                    c.options.end());
    c.options.push_back({"strategies", Kind::Text, "the strategies compared, comma-separated (random,margin)"});
    c.options.push_back({"seeds", Kind::Number, "runs of each strategy, seeds --seed, --seed + 1, … (1)"});
    c.run = labelStudy;
    return c;
}

dlcli::Command labelCommand()
{
    return {"label",
            "labelling strategies (course chapter 12): a pool of Fashion-MNIST images with hidden labels, a small "
            "labelled seed, rounds that buy labels from simulated annotators; test accuracy against labels used",
            {{"dataset", Kind::Text, "fashion-mnist (its hidden labels answer the queries)"},
             {"data", Kind::Text, "Fashion-MNIST's folder (/usr/share/datasets/fashion-mnist)"},
             {"pool", Kind::Number, "unlabelled images, a seeded sample of the training set (5000)"},
             {"test", Kind::Number, "test images, the first of the test set (2000)"},
             {"labelled-per-class", Kind::Number, "the labelled seed, images a class (10)"},
             {"strategy", Kind::Text, "random|least-confident|margin|entropy|committee|self-training|weak (random)"},
             {"rounds", Kind::Number, "rounds after the seed (10)"},
             {"batch", Kind::Number, "labels bought a round (100)"},
             {"committee", Kind::Number, "models in the committee (3)"},
             {"threshold", Kind::Number, "self-training: the confidence a prediction needs to join as a label (0.95)"},
             {"rules", Kind::Text, "weak: a rules file, one rule a line (see the README)"},
             {"weak-per-class", Kind::Number, "weak: at most this many weak labels of a class join, 0 for all (0)"},
             {"annotators", Kind::Number, "simulated annotators (1)"},
             {"annotator-error", Kind::Text, "their error rate, one for all or one each: 0.2 or 0.1,0.2,0.4 (0)"},
             {"vote", Kind::Text, "single|majority|disagreement: one answer, all and the majority, or more only when "
                                  "the model disagrees (single)"},
             {"screen", Kind::Number, "known items each annotator labels first; those wrong too often are let go (0)"},
             {"screen-limit", Kind::Number, "the error share on them that lets an annotator go (0.3)"},
             {"hidden", Kind::Text, "the model's hidden units per layer, 0 for softmax regression (0)"},
             {"epochs", Kind::Number, "passes over the training set each round (20)"},
             {"lr", Kind::Number, "Adam's α (0.005)"}},
            "", 0, label};
}
