// SPDX-License-Identifier: MIT
#include "app/labs/data/cli_clean_images.h"

#include "core/data/image_check.h"
#include "core/util/json.h"

#include <cstdio>

namespace {

using dlcli::UsageError;

dl::ImageCheckSpec checkSpec(const dlcli::Args& a)
{
    dl::ImageCheckSpec s;
    if (a.has("size")) {
        const std::string v = a.str("size", "");
        if (std::sscanf(v.c_str(), "%dx%d", &s.width, &s.height) != 2 || s.width < 1 || s.height < 1)
            throw UsageError("--size expects WxH, e.g. 28x28, got \"" + v + "\"");
    }
    s.mode = a.str("mode", "");
    if (!s.mode.empty() && s.mode != "grey" && s.mode != "colour") throw UsageError("--mode expects grey or colour");
    s.minPerClass = int(a.num("min-per-class", s.minPerClass));
    s.nearBits = int(a.num("near-bits", s.nearBits));
    return s;
}

dl::ImageFixPlan fixPlan(const dlcli::Args& a)
{
    dl::ImageFixPlan plan;
    for (const std::string& v : a.list("fix")) {
        const size_t eq = v.find('=');
        const std::string kind = v.substr(0, std::min(eq, v.size())), action = eq == std::string::npos ? "" : v.substr(eq + 1);
        int k = -1;
        for (int i = 0; i < dl::kImageProblemKinds; ++i)
            if (kind == dl::imageProblemName(dl::ImageProblemKind(i))) k = i;
        const bool ok = k >= 0 && (action == "drop" || action == "keep" || (k == int(dl::ImageProblemKind::WrongSize) && action == "resize") ||
                                   (k == int(dl::ImageProblemKind::WrongMode) && action == "convert"));
        if (!ok) throw UsageError("--fix expects KIND=ACTION for images (e.g. near-duplicate=drop, wrong-size=resize), got \"" + v + "\"");
        plan.drop[k] = action == "drop";
        if (k == int(dl::ImageProblemKind::WrongSize)) plan.resize = action == "resize";
        if (k == int(dl::ImageProblemKind::WrongMode)) plan.convert = action == "convert";
    }
    return plan;
}

dl::Json reportJson(const dl::ImageFolderReport& r)
{
    dl::Json classes = dl::Json::array(), problems = dl::Json::array();
    for (size_t c = 0; c < r.classes.size(); ++c) classes.push(dl::Json::object().set("name", r.classes[c]).set("images", r.counts[c]));
    for (const dl::ImageProblem& p : r.problems) {
        dl::Json j = dl::Json::object();
        j.set("kind", dl::imageProblemName(p.kind)).set("file", p.file);
        if (!p.other.empty()) j.set("other", p.other);
        problems.push(j.set("why", p.why));
    }
    return dl::Json::object().set("folder", r.root).set("images", int(r.images.size())).set("width", r.width)
        .set("height", r.height).set("mode", r.grey ? "grey" : "colour").set("classes", classes).set("problems", problems);
}

} // namespace

int cleanImages(const dlcli::Args& a)
{
    const dl::ImageFolderReport r = dl::inspectImageFolder(a.positional.at(0), checkSpec(a), &dlcli::cancelFlag());
    const dl::ImageFixPlan plan = fixPlan(a);
    dl::Json j = reportJson(r);
    if (a.has("out")) {
        const int written = dl::saveCleanedFolder(r, plan, a.str("out", ""), &dlcli::cancelFlag());
        j.set("cleaned", dl::Json::object().set("path", a.str("out", "")).set("images", written));
        if (!a.has("json")) std::fprintf(stderr, "clean: wrote %d of %zu pictures to %s\n", written, r.images.size(), a.str("out", "").c_str());
    }
    if (a.has("json")) {
        std::printf("%s\n", j.dump().c_str());
        return 0;
    }
    if (a.has("out") && !a.has("report")) return 0;
    std::printf("%zu pictures in %zu classes, expected %dx%d %s\n", r.images.size(), r.classes.size(), r.width, r.height,
                r.grey ? "grey" : "colour");
    std::printf("%zu problems\n", r.problems.size());
    for (const dl::ImageProblem& p : r.problems)
        std::printf("%s: %s: %s\n", p.file.c_str(), dl::imageProblemName(p.kind), p.why.c_str());
    return 0;
}
