// SPDX-License-Identifier: MIT
// The Style lab headless (COURSE.md §10): neural style transfer on two images, and W6's timed step.
#include "app/labs/style/cli.h"

#include "core/models/model_files.h"
#include "core/style/style_image.h"
#include "core/style/style_transfer.h"
#include "core/util/file.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// dlcli style: the Style lab's optimisation on two images (COURSE.md §10). A run file (the lab's "Save run",
// or --replay) holds the images, size, iteration count, settings and any changes made while paused.
dl::StyleSettings styleSettingsFromArgs(const Args& a, dl::StyleSettings s)
{
    if (a.has("content-layer")) s.weights.contentLayer = static_cast<int>(a.num("content-layer", 12));
    if (a.has("style-layers")) s.weights.style = dl::parseStyleLayers(a.str("style-layers", ""));
    s.weights.alpha = a.num("alpha", s.weights.alpha);
    s.weights.beta = a.num("beta", s.weights.beta);
    try {
        if (a.has("optimizer")) {
            s.optimizer = dl::parseStyleOptimizer(a.str("optimizer", ""));
            s.learningRate = dl::defaultLearningRate(s.optimizer);
        }
        if (a.has("init")) s.init = dl::parseStyleInit(a.str("init", ""));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--") + e.what());
    }
    s.learningRate = a.num("lr", s.learningRate);
    s.noise = a.num("noise", s.noise);
    s.seed = static_cast<std::uint32_t>(a.num("seed", s.seed));
    if (!(s.weights.alpha >= 0) || !(s.weights.beta >= 0) || !std::isfinite(s.weights.alpha) ||
        !std::isfinite(s.weights.beta))
        throw UsageError("--alpha and --beta must be non-negative numbers");
    return s;
}

int style(const Args& a)
{
    const char* argv0 = a.program.c_str();
    std::string contentPath, stylePath;
    int size = 320, iterations = 200;
    dl::StyleSettings settings;
    std::vector<std::pair<int, dl::StyleSettings>> changes; // (iteration, settings from then on)
    if (a.has("replay")) {
        const std::string file = a.str("replay", "");
        dl::StyleRun run = dl::parseStyleRun(dl::readFile(file), file);
        contentPath = run.content;
        stylePath = run.style;
        size = run.size;
        iterations = run.iterations;
        settings = run.settings;
        changes = std::move(run.changes);
    } else {
        if (a.positional.size() != 2) throw UsageError("style needs CONTENT and STYLE images");
        contentPath = a.positional[0];
        stylePath = a.positional[1];
        size = static_cast<int>(a.num("size", 320));
        iterations = static_cast<int>(a.num("iterations", 200));
        settings = styleSettingsFromArgs(a, settings);
        if (!a.has("out")) throw UsageError("style needs --out out.png");
    }
    if (iterations < 1 || iterations > 100000) throw UsageError("--iterations must be between 1 and 100000");
    if (const std::string out = a.str("out", ""); !out.empty()) { // before the run, not after it
        const std::filesystem::path dir = std::filesystem::absolute(out).parent_path();
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec))
            throw std::runtime_error("cannot write " + out + ": the folder " + dir.string() +
                                     " does not exist; create it or choose another --out.");
    }
    const int every = std::max(1, static_cast<int>(a.num("every", 10)));
    const bool json = a.has("json");
    const auto t0 = std::chrono::steady_clock::now();
    const std::string exeDir = std::filesystem::path(argv0).parent_path().string();
    dl::FeatureChain chain = dl::loadStyleExtractor(dl::findModelsDir(a.str("models", ""), exeDir));
    const dl::Photo content = dl::loadPhoto(contentPath), painting = dl::loadPhoto(stylePath);
    const dl::ImageSize sz = dl::styleOutputSize(content, size);
    const dl::Tensor c = dl::photoToPixels(content, sz.width, sz.height, false);
    const dl::Tensor s = dl::photoToPixels(painting, sz.width, sz.height, true);
    dl::StyleTransfer st(std::move(chain), c, s, settings);
    FILE* log = json ? stderr : stdout;
    std::fprintf(log, "style: %s in the style of %s, %d×%d, %s, %d iterations\n", contentPath.c_str(),
                 stylePath.c_str(), sz.width, sz.height, dl::optimizerName(settings.optimizer), iterations);
    std::fprintf(log, "%6s %14s %14s %14s\n", "iter", "content", "style", "total");
    dl::StyleCosts first, last;
    dl::Json history = dl::Json::array();
    const auto tRun = std::chrono::steady_clock::now();
    size_t nextChange = 0;
    int done = 0;
    for (int it = 1; it <= iterations && !dlcli::cancelFlag().requested(); ++it) {
        while (nextChange < changes.size() && changes[nextChange].first < it) {
            st.setWeights(changes[nextChange].second.weights);
            st.setOptimizer(changes[nextChange].second.optimizer, changes[nextChange].second.learningRate);
            ++nextChange;
        }
        last = st.step();
        done = it;
        if (it == 1) first = last;
        dl::Json h = dl::Json::array();
        h.push(last.content);
        h.push(last.style);
        h.push(last.total);
        history.push(h);
        if (it % every == 0 || it == 1 || it == iterations)
            std::fprintf(log, "%6d %14.6g %14.6g %14.6g\n", it, last.content, last.style, last.total);
    }
    const double runSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - tRun).count();
    const std::string out = a.str("out", "");
    if (!out.empty()) dl::writeFileAtomic(out, dl::encodePng(dl::pixelsToPhoto(st.image())));
    if (json) {
        dl::Json j = dl::Json::object();
        j.set("content", contentPath).set("style", stylePath).set("out", out);
        j.set("width", sz.width).set("height", sz.height);
        j.set("content_cost", last.content).set("style_cost", last.style).set("total_cost", last.total);
        j.set("first_content_cost", first.content)
            .set("first_style_cost", first.style)
            .set("first_total_cost", first.total);
        dl::Json per = dl::Json::array();
        for (double v : last.perLayer) per.push(v);
        j.set("style_cost_per_layer", per);
        j.set("iterations", done).set("cancelled", done < iterations);
        j.set("seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        j.set("seconds_per_iteration", runSeconds / std::max(1, done));
        j.set("settings", dl::styleSettingsJson(st.settings()));
        j.set("history", history); // [content, style, total] per iteration
        std::cout << j.dump() << std::endl;
    }
    return done < iterations ? 130 : 0;
}

// dlcli bench-style: one style-transfer step as ../shared/bench W6 times it (random 320×240 content, style
// and starting images, content layer 12, style layers 0, 2, 5, 10, 15, α = 1, β = 1e4): forward through
// layers 0..--through (W6 runs 0..18), the costs, the backward to the pixels. Median of --repeat.
int benchStyle(const Args& a)
{
    const char* argv0 = a.program.c_str();
    const int w = static_cast<int>(a.num("width", 320)), h = static_cast<int>(a.num("height", 240));
    const int through = static_cast<int>(a.num("through", 18)), reps = static_cast<int>(a.num("repeat", 21));
    if (w < dl::kMinStyleSide || h < dl::kMinStyleSide || reps < 1)
        throw UsageError("bad --width/--height/--repeat");
    const std::string exeDir = std::filesystem::path(argv0).parent_path().string();
    dl::FeatureChain chain = dl::loadStyleExtractor(dl::findModelsDir(a.str("models", ""), exeDir));
    dl::Rng rng(7);
    auto randomImage = [&] {
        dl::Tensor t({1, 3, h, w});
        for (size_t i = 0; i < t.size(); ++i) t[i] = rng.uniform();
        return t;
    };
    const dl::Tensor c = randomImage(), s = randomImage(), x = randomImage();
    dl::StyleProblem p(std::move(chain));
    p.setWeights(dl::StyleWeights{});
    p.setImages(c, s);
    dl::Tensor grad;
    auto median = [&](bool backward) {
        std::vector<double> t;
        for (int r = 0; r < reps + 2; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            p.evaluate(x, backward ? &grad : nullptr);
            if (through > p.deepestLayer()) p.chain().extend(through); // no cost reads them; W6 runs them
            const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (r >= 2) t.push_back(sec); // two warm-up runs
        }
        std::sort(t.begin(), t.end());
        return t[t.size() / 2];
    };
    const double fwd = median(false), both = median(true);
    dl::Json j = dl::Json::object();
    j.set("width", w).set("height", h).set("through", through).set("threads", omp_get_max_threads());
    j.set("forward_ms", fwd * 1e3).set("forward_backward_ms", both * 1e3);
    std::cout << j.dump() << std::endl;
    return 0;
}

} // namespace

std::vector<dlcli::Command> styleCommands()
{
    const std::vector<dlcli::Option> settings = {
        {"optimizer", Kind::Text, "adam|lbfgs (lbfgs)"},
        {"lr", Kind::Number, "Adam's learning rate"},
        {"alpha", Kind::Number, "content weight α (1)"},
        {"beta", Kind::Number, "style weight β (1e4)"},
        {"content-layer", Kind::Number, "the content cost's layer (12)"},
        {"style-layers", Kind::Text, "LAYER:WEIGHT,... (0:0.2,2:0.2,5:0.2,10:0.2,15:0.2)"},
        {"init", Kind::Text, "content+noise|content|noise (content+noise)"},
        {"noise", Kind::Number, "noise share of the starting image (0.25)"},
    };
    return {
        {"style",
         "neural style transfer (the Style lab headless): paints CONTENT in the style of STYLE; one cost "
         "line "
         "per --every iterations, a final JSON object with --json; --replay runs a file the Style lab saved",
         dlcli::join(settings,
                     {{"out", Kind::Text, "the painted picture (PNG)"},
                      {"size", Kind::Number, "longer side of the painted picture (320)"},
                      {"iterations", Kind::Number, "optimisation steps (200)"},
                      {"every", Kind::Number, "iterations between cost lines (10)"},
                      {"replay", Kind::Text, "run a file the Style lab saved instead of CONTENT STYLE"},
                      dlcli::modelsOption()}),
         "CONTENT STYLE", 0, style},
        {"bench-style",
         "one style-transfer step (forward + costs + backward to the pixels) on Tiny Darknet, timed like "
         "../shared/bench W6 (random images)",
         {{"width", Kind::Number, "image width (320)"},
          {"height", Kind::Number, "image height (240)"},
          {"through", Kind::Number, "last layer of the forward (18)"},
          {"repeat", Kind::Number, "repetitions; the median counts (21)"},
          dlcli::modelsOption()},
         "",
         0,
         benchStyle},
    };
}
