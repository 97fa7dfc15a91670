// SPDX-License-Identifier: MIT
// dlcli clean: what is wrong with a CSV table (core/data/clean.h) and, with --out, the fixed copy. The
// original file is only read.
#include "app/labs/data/cli.h"

#include "app/labs/data/cli_clean_images.h"
#include "core/data/clean.h"
#include "core/util/error.h"
#include "core/util/file.h"
#include "core/util/json.h"

#include <cstdio>
#include <filesystem>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// --range, --pattern, --categories and --type, each COLUMN:SPEC and repeatable (core/data/clean.h: setRule).
dl::CleanOptions cleanOptions(const Args& a)
{
    dl::CleanOptions o;
    o.zLimit = a.num("z", o.zLimit);
    for (const char* what : {"range", "pattern", "categories", "type"})
        for (const std::string& v : a.list(what)) {
            const size_t colon = v.find(':');
            if (colon == std::string::npos || colon == 0)
                throw UsageError("--" + std::string(what) + " expects COLUMN:…, got \"" + v + "\"");
            try {
                dl::setRule(o, v.substr(0, colon), what, v.substr(colon + 1));
            } catch (const dl::ConfigError& e) {
                throw UsageError("--" + std::string(what) + ": " + e.what());
            }
        }
    return o;
}

dl::FixPlan fixPlan(const Args& a)
{
    dl::FixPlan plan;
    for (const std::string& v : a.list("fix")) {
        const size_t eq = v.find('=');
        const auto kind = dl::problemKindFromName(v.substr(0, std::min(eq, v.size())));
        const auto action = eq == std::string::npos ? std::nullopt : dl::fixActionFromName(v.substr(eq + 1));
        if (!kind || !action)
            throw UsageError("--fix expects KIND=ACTION (e.g. missing=median, out-of-range=clip), got \"" + v + "\"");
        plan[*kind] = *action;
    }
    if (const std::string bad = dl::fixPlanError(plan); !bad.empty()) throw UsageError("--fix: " + bad);
    return plan;
}

dl::Json reportJson(const dl::Table& t, const dl::CleanReport& r)
{
    dl::Json columns = dl::Json::array(), problems = dl::Json::array();
    for (const dl::ColumnSummary& c : r.columns) {
        dl::Json j = dl::Json::object();
        j.set("name", c.name).set("type", dl::columnTypeName(c.type)).set("values", c.values).set("missing", c.missing);
        j.set("distinct", c.distinct).set("mode", c.mode);
        if (c.type == dl::ColumnType::Integer || c.type == dl::ColumnType::Float)
            j.set("min", c.min).set("median", c.median).set("mad", c.mad).set("mean", c.mean).set("max", c.max);
        if (std::isfinite(c.lo)) j.set("lo", c.lo);
        if (std::isfinite(c.hi)) j.set("hi", c.hi);
        columns.push(j);
    }
    for (const dl::Problem& p : r.problems) {
        dl::Json j = dl::Json::object();
        j.set("kind", dl::problemKindName(p.kind)).set("row", p.row).set("line", p.line);
        j.set("column", p.column < 0 ? dl::Json() : dl::Json(t.columns[size_t(p.column)]));
        j.set("value", p.value).set("why", p.why);
        problems.push(j);
    }
    dl::Json out = dl::Json::object();
    out.set("rows", r.rows).set("columns", columns).set("problems", problems);
    return out;
}

void printReport(const dl::Table& t, const dl::CleanReport& r)
{
    std::printf("%d rows, %d columns\n", r.rows, t.width());
    for (const dl::ColumnSummary& c : r.columns)
        std::printf("  %-16s %-8s %d values, %d missing, %d distinct\n", c.name.c_str(), dl::columnTypeName(c.type),
                    c.values, c.missing, c.distinct);
    std::printf("%zu problems\n", r.problems.size());
    for (int k = 0; k < dl::kProblemKinds; ++k)
        if (int n = r.count(dl::ProblemKind(k))) std::printf("  %-13s %d\n", dl::problemKindName(dl::ProblemKind(k)), n);
    for (const dl::Problem& p : r.problems)
        std::printf("row %d (line %d)%s%s: %s%s%s\n", p.row, p.line, p.column < 0 ? "" : ", ",
                    p.column < 0 ? "" : t.columns[size_t(p.column)].c_str(), p.value.empty() ? "" : "\"",
                    p.value.empty() ? "" : (p.value + "\" ").c_str(), p.why.c_str());
}

int clean(const Args& a)
{
    const std::string path = a.positional.at(0);
    std::error_code isDir;
    if (std::filesystem::is_directory(path, isDir)) return cleanImages(a);
    const dl::CleanOptions options = cleanOptions(a);
    const dl::FixPlan plan = fixPlan(a);
    const std::string out = a.str("out", "");
    std::error_code ec;
    if (!out.empty() && std::filesystem::equivalent(path, out, ec))
        throw UsageError("--out " + out + " is the table itself; the original is never changed, so name a new file");
    const dl::Table t = dl::loadTable(path);
    const dl::CleanReport r = dl::inspectTable(t, options);
    dl::Json j = reportJson(t, r);
    if (!out.empty()) {
        const dl::FixResult f = dl::applyFixes(t, r, plan);
        dl::saveTable(f.cleaned, out);
        j.set("cleaned", dl::Json::object().set("path", out).set("rows", int(f.cleaned.rows.size()))
                                            .set("dropped", f.dropped).set("changed", f.changed));
        if (!a.has("json"))
            std::fprintf(stderr, "clean: wrote %s: %zu of %d rows (%d dropped), %d values changed\n", out.c_str(),
                         f.cleaned.rows.size(), r.rows, f.dropped, f.changed);
    }
    if (a.has("json")) std::printf("%s\n", j.dump().c_str());
    else if (a.has("report") || out.empty()) printReport(t, r);
    return 0;
}

} // namespace

std::vector<dlcli::Command> dataCommands()
{
    return {labelCommand(), labelStudyCommand(),
            {"clean",
             "what is wrong with a CSV table (header line, any columns; course chapter 12): missing, malformed, "
             "wrong type, invalid dates, out of range, broken patterns and categories, duplicate rows — or with an "
             "image folder (one sub-folder a class): unreadable, truncated, wrong size or mode, few in a class, "
             "duplicates and near duplicates; --out writes the fixed copy (the original is only read)",
             {{"report", Kind::Flag, "print the report (the default without --out)"},
              {"out", Kind::Text, "write the cleaned copy here (a new file, written via a temporary file)"},
              {"range", Kind::List, "COLUMN:LO:HI, a plausible range (dates as yyyymmdd; an end may be empty)"},
              {"pattern", Kind::List, "COLUMN:REGEX, every value must match (ECMAScript, the whole value)"},
              {"categories", Kind::List, "COLUMN:A|B|C, the allowed values"},
              {"type", Kind::List, "COLUMN:integer|float|date|category, instead of the inferred type"},
              {"z", Kind::Number, "robust z-score limit of numbers without a range (3.5; 0: off)"},
              {"size", Kind::Text, "images: the size asked, WxH (the most common)"},
              {"mode", Kind::Text, "images: grey|colour (the most common)"},
              {"min-per-class", Kind::Number, "images: fewer readable pictures in a class folder is a problem (10)"},
              {"near-bits", Kind::Number, "images: dHash bits of 256 that may differ for a near duplicate (4)"},
              {"fix", Kind::List,
               "KIND=ACTION: missing=median|mean|mode|drop|keep, type=cast|drop|median|mean|mode|keep, "
               "out-of-range=clip|drop|median|mean|keep, invalid-date|pattern|category=drop|mode|keep, "
               "malformed|duplicate=drop|keep (the first of each is the default); images: unreadable|truncated|"
               "duplicate=drop|keep, near-duplicate|few-in-class=keep|drop, wrong-size=resize|drop|keep, "
               "wrong-mode=convert|drop|keep"}},
             "TABLE_OR_FOLDER", 1, clean}};
}
