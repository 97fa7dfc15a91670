// SPDX-License-Identifier: MIT
// dlcli race: the training-dynamics lab's optimiser race headless (core/dynamics/race.h; COURSE.md §4).
// Every optimiser starts at --start on --surface and takes --iterations steps; prints each one's final point
// and loss (with --json one object: the surface, the start and per optimiser its settings, final point, loss,
// the step it first came within 1e-3 of the minimum's loss, and whether it left the plane).
#include "app/labs/dynamics/cli.h"

#include "core/dynamics/race.h"
#include "core/util/error.h"
#include "core/util/json.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// "x,y" → the two numbers; UsageError naming the option otherwise.
void parsePoint(const std::string& text, double& x, double& y)
{
    std::stringstream in(text);
    char comma = 0;
    if (!(in >> x >> comma >> y) || comma != ',' || !(in >> std::ws).eof() || !std::isfinite(x) || !std::isfinite(y))
        throw UsageError("--start: write the start as two numbers separated by a comma, like -1.5,2");
}

// --lr: one α for every optimiser ("0.01") or per optimiser ("gd:0.001,adam:0.05"; the others take the default).
std::map<dl::OptKind, float> parseRates(const std::string& text, std::optional<float>& all)
{
    std::map<dl::OptKind, float> out;
    std::stringstream in(text);
    std::string item;
    auto number = [&](const std::string& s) {
        size_t used = 0;
        float v = 0;
        try {
            v = std::stof(s, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != s.size())
            throw UsageError("--lr: write one learning rate, or name:rate pairs like gd:0.001,adam:0.05");
        return v;
    };
    while (std::getline(in, item, ',')) {
        const size_t colon = item.find(':');
        if (colon == std::string::npos) all = number(item);
        else out[dl::parseOpt(item.substr(0, colon))] = number(item.substr(colon + 1));
    }
    return out;
}

int race(const Args& a)
{
    dl::Surface surface;
    try {
        surface.kind = dl::parseSurface(a.str("surface", "valley"));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--surface: ") + e.what());
    }
    surface.kappa = a.num("kappa", surface.kappa);
    const dl::SurfaceView view = surface.view();
    double x = view.startX, y = view.startY;
    if (a.has("start")) parsePoint(a.str("start", ""), x, y);
    std::vector<dl::OptKind> kinds;
    try {
        kinds = dl::parseOptList(a.str("optimizers", "gd,momentum,rmsprop,adam"));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--optimizers: ") + e.what());
    }
    std::optional<float> all; // none given: each optimiser's suggested α on this surface
    const std::map<dl::OptKind, float> rates = parseRates(a.str("lr", ""), all);
    std::vector<dl::RacerSpec> specs;
    for (dl::OptKind k : kinds) {
        dl::RacerSpec s;
        s.opt.kind = k;
        s.opt.beta = float(a.num("beta", s.opt.beta));
        s.opt.beta1 = float(a.num("beta1", s.opt.beta1));
        s.opt.beta2 = float(a.num("beta2", s.opt.beta2));
        s.opt.eps = float(a.num("eps", s.opt.eps));
        s.opt.weightDecay = float(a.num("weight-decay", s.opt.weightDecay));
        const auto r = rates.find(k);
        s.lr = r != rates.end() ? r->second : all ? *all : dl::suggestedLearningRate(surface.kind, k);
        specs.push_back(s);
    }
    const long iterations = long(a.num("iterations", 500));
    if (iterations < 0 || iterations > 10'000'000) throw UsageError("--iterations must be between 0 and 10 000 000");
    const dl::RaceRun run = dl::runRace(surface, x, y, specs, a.num("noise", 0), std::uint32_t(a.num("seed", 1)),
                                        iterations, &dlcli::cancelFlag());
    if (a.has("json")) {
        std::cout << dl::toJson(run).dump() << std::endl;
        return 0;
    }
    std::printf("%s from (%g, %g), %ld iterations; the minimum's loss %.6g\n", dl::surfaceName(surface.kind), x, y,
                run.steps, run.minimumLoss);
    for (size_t i = 0; i < run.specs.size(); ++i) {
        const dl::RacerState& st = run.states[i];
        std::string tail;
        if (st.diverged) tail = "  diverged: left the plane";
        else if (run.reached[i] >= 0) tail = "  within 1e-3 of the minimum's loss from step " + std::to_string(run.reached[i]);
        std::printf("%-9s α %-8g (%.6g, %.6g)  loss %.6g%s\n", dl::optName(run.specs[i].opt.kind),
                    double(run.specs[i].lr), st.x, st.y, st.loss, tail.c_str());
    }
    return 0;
}

} // namespace

std::vector<dlcli::Command> dynamicsCommands()
{
    std::vector<dlcli::Command> all{initstudyCommand(), searchCommand()};
    for (dlcli::Command& c : scheduleCommands()) all.push_back(std::move(c));
    all.push_back({"race",
             "the training-dynamics lab's optimiser race headless: optimisers side by side on a 2-D loss surface "
             "(COURSE.md §4)",
             dlcli::join({{"surface", Kind::Text, "valley|rosenbrock|saddle|beale|plateau|rastrigin|logistic (valley)"},
                          {"kappa", Kind::Number, "the valley's condition number κ (10)"},
                          {"start", Kind::Text, "the start x,y (the surface's own)"},
                          {"optimizers", Kind::Text, "which race: gd,momentum,rmsprop,adam,nesterov,adamw (the first four)"},
                          {"lr", Kind::Text, "α for all, or per optimiser: gd:0.001,adam:0.05 (each its suggested α on the surface)"},
                          {"beta", Kind::Number, "momentum β (0.9)"},
                          {"beta1", Kind::Number, "Adam β₁ (0.9)"},
                          {"beta2", Kind::Number, "RMSprop and Adam β₂ (0.999)"},
                          {"eps", Kind::Number, "RMSprop and Adam ε (1e-8)"},
                          {"weight-decay", Kind::Number, "AdamW's decoupled λ (0.01)"},
                          {"noise", Kind::Number, "gradient noise σ per coordinate, a mini-batch's (0)"},
                          {"iterations", Kind::Number, "steps (500)"}},
                         {}),
             "",
             0,
             race});
    return all;
}
