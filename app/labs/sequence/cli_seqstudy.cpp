// SPDX-License-Identifier: MIT
// `dlcli seqstudy`: the Sequence lab's experiments headless (core/seq/seq_studies.h, char_studies.h) — the
// long-range task's accuracy against T, gradients through time, tagging one-way vs bidirectional,
// classifying a sequence, clipping off vs on, GRU vs LSTM. Prints the report's table and note, or the whole
// report (curves included) as one JSON object.
#include "app/labs/sequence/cli.h"

#include "core/seq/char_studies.h"

#include <cstdio>
#include <memory>
#include <sstream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

std::vector<int> intList(const Args& a, const char* key, const std::string& def)
{
    std::vector<int> out;
    std::stringstream in(a.str(key, def));
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            size_t used = 0;
            out.push_back(std::stoi(item, &used));
            if (used != item.size()) throw std::invalid_argument(item);
        } catch (const std::exception&) {
            throw UsageError(std::string("--") + key + " takes whole numbers separated by commas, not \"" + item + "\"");
        }
    }
    if (out.empty()) throw UsageError(std::string("--") + key + " needs at least one number");
    return out;
}

std::vector<dl::CellKind> cellList(const Args& a, const std::string& def)
{
    std::vector<dl::CellKind> out;
    std::stringstream in(a.str("cells", def));
    std::string item;
    try {
        while (std::getline(in, item, ',')) out.push_back(dl::parseCell(item));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--cells: ") + e.what());
    }
    return out;
}

// The synthetic tasks' run settings: --hidden, --batch, --lr, --seed.
dl::SeqTaskRun taskRun(const Args& a)
{
    dl::SeqTaskRun r;
    r.hidden = static_cast<int>(a.num("hidden", 32));
    r.batch = static_cast<int>(a.num("batch", 32));
    r.hyper.lr = static_cast<float>(a.num("lr", 0.01));
    r.seed = static_cast<std::uint32_t>(a.num("seed", 1));
    r.forgetBias = static_cast<float>(a.num("forget-bias", r.forgetBias));
    r.initScale = static_cast<float>(a.num("init-scale", r.initScale));
    return r;
}

std::unique_ptr<dl::Study> makeStudy(const Args& a)
{
    const std::string study = a.str("study", "longrange");
    if (study == "longrange") {
        dl::LongRangeSpec s;
        s.run = taskRun(a);
        s.cells = cellList(a, "rnn,gru,lstm");
        s.spans = intList(a, "spans", "5,10,20,35,50");
        s.maxSteps = static_cast<int>(a.num("steps", 2500));
        return std::make_unique<dl::LongRangeStudy>(s);
    }
    if (study == "gradients") {
        dl::GradientFlowSpec s;
        const int batch = s.run.batch;
        s.run = taskRun(a);
        s.run.batch = static_cast<int>(a.num("batch", batch));
        s.run.task = {dl::SeqTaskKind::Remember, static_cast<int>(a.num("span", 50))};
        s.cells = cellList(a, "rnn,gru,lstm");
        s.trainSteps = static_cast<int>(a.num("steps", 0));
        return std::make_unique<dl::GradientFlowStudy>(s);
    }
    if (study == "tagging" || study == "classify") {
        dl::TaskRaceSpec s = study == "tagging" ? dl::taggingRace(cellList(a, "lstm").front())
                                                : dl::classifyRace(static_cast<int>(a.num("span", 15)));
        for (auto& e : s.entries) {
            const dl::SeqTaskSpec task = e.run.task;
            const dl::CellKind cell = e.run.cell;
            const bool bi = e.run.bidirectional;
            e.run = taskRun(a);
            e.run.task = task, e.run.cell = cell, e.run.bidirectional = bi;
            if (study == "tagging") e.run.task.span = static_cast<int>(a.num("span", 24));
        }
        s.steps = static_cast<int>(a.num("steps", 800));
        return std::make_unique<dl::TaskRaceStudy>(s);
    }
    if (study == "clipping" || study == "cells") {
        const bool lines = corpusModeFromArgs(a) == dl::CorpusMode::Lines;
        const dl::CharRunSpec run = runSpecFromArgs(a, lines); // usage errors before the corpus is read
        const std::vector<dl::CellKind> cells = cellList(a, "gru,lstm");
        const dl::CharCorpus corpus = corpusFromArgs(a);
        if (study == "clipping") {
            dl::ClippingSpec s;
            s.run.seed = static_cast<std::uint32_t>(a.num("seed", 1));
            s.run.hyper.lr = static_cast<float>(a.num("lr", s.run.hyper.lr));
            s.run.initScale = static_cast<float>(a.num("init-scale", s.run.initScale));
            s.run.hidden = static_cast<int>(a.num("hidden", s.run.hidden));
            s.clipValue = static_cast<float>(a.num("clip-value", 5));
            s.steps = static_cast<int>(a.num("steps", 1500));
            return std::make_unique<dl::ClippingStudy>(corpus, s);
        }
        dl::CellRaceSpec s;
        s.run = run;
        s.cells = cells;
        s.steps = static_cast<long>(a.num("steps", 2000));
        s.evalEvery = static_cast<int>(a.num("eval-every", 250));
        return std::make_unique<dl::CellRaceStudy>(corpus, s);
    }
    throw UsageError("--study must be longrange, gradients, tagging, classify, clipping or cells, not \"" + study + "\"");
}

int seqstudy(const Args& a)
{
    std::unique_ptr<dl::Study> study = makeStudy(a);
    return dlcli::runStudy(*study, a, "seqstudy");
}

} // namespace

dlcli::Command seqstudyCommand()
{
    return {"seqstudy",
            "the Sequence lab's experiments (COURSE.md §11): longrange (accuracy against T per cell), gradients "
            "(‖∂L/∂a⟨t⟩‖ through time), tagging (one-way vs bidirectional), classify (many-to-one), clipping "
            "(off vs on), cells (GRU vs LSTM on a corpus)",
            {{"study", Kind::Text, "longrange|gradients|tagging|classify|clipping|cells (longrange)"},
             {"cells", Kind::Text, "cells, comma-separated (longrange, gradients: rnn,gru,lstm; cells: gru,lstm; tagging: lstm)"},
             {"spans", Kind::Text, "longrange: distances T, comma-separated (5,10,20,35,50)"},
             {"span", Kind::Number, "gradients: T (50); tagging, classify: the sequence length (24, 15)"},
             {"steps", Kind::Number, "training steps (longrange: at most, per run 2500; gradients: before measuring 0; "
                                     "tagging, classify 800; clipping 1500; cells 2000)"},
             {"hidden", Kind::Number, "units per layer (tasks 32; clipping 50; cells 50)"},
             {"batch", Kind::Number, "sequences a step (tasks 32, gradients 64; cells 1)"},
             {"lr", Kind::Number, "learning rate (tasks: Adam 0.01; clipping: GD 0.05)"},
             {"forget-bias", Kind::Number, "tasks: an LSTM's forget-gate bias at the start, a GRU's update-gate bias negated (3)"},
             {"init-scale", Kind::Number, "weights ~ N(0, s²) (clipping 0.3; tasks 0.1; 0: Xavier)"},
             {"eval-every", Kind::Number, "cells: steps between dev losses (250)"},
             {"corpus", Kind::Text, "clipping, cells: dinos|shakespeare|FILE (dinos)"},
             {"corpora", Kind::Text, "the corpora folder (default: $DLLAB_CORPORA, else corpora/)"},
             {"mode", Kind::Text, "lines|text; default by corpus"},
             {"vocab-cap", Kind::Number, "the most frequent characters kept (256)"},
             {"depth", Kind::Number, "cells: stacked layers (1)"},
             {"seq", Kind::Number, "cells: text-mode window (25)"},
             {"optimizer", Kind::Text, "cells: gd|adam (lines gd, text adam)"},
             {"clip-value", Kind::Number, "clipping: the clipped run's ±V (5); cells: ±V (5)"},
             {"clip-norm", Kind::Number, "cells: clip the norm instead"}},
            "",
            0,
            seqstudy};
}
