// SPDX-License-Identifier: MIT
#include "core/train/comparison.h"

#include "core/util/error.h"
#include "core/util/file.h"

#include <cstdio>
#include <filesystem>

namespace dl {

std::string exactNumber(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

Json toJson(const Comparison& c)
{
    Json j = Json::object(), args = Json::array();
    for (const auto& [name, value] : c.args) {
        Json a = Json::array();
        a.push(name), a.push(value);
        args.push(a);
    }
    j.set("format", kComparisonFormat).set("version", 1).set("command", c.command);
    return j.set("args", args).set("result", c.result);
}

Comparison comparisonFromJson(const Json& j, const std::string& name)
{
    const std::string file = std::filesystem::path(name).filename().string();
    if (!j.isObject() || !j.has("format") || !j.at("format").isString() || j.at("format").string() != kComparisonFormat)
        throw FormatError(file + " is not a comparison file (its \"format\" is not \"" + kComparisonFormat + "\").");
    if (j.at("version").number("version") != 1)
        throw FormatError(file + " is a comparison of a later version; update DL Visual Lab to replay it.");
    Comparison c;
    c.command = j.at("command").string("command");
    if (c.command.empty() || c.command.size() > 64) throw FormatError(file + ": \"command\" names no subcommand.");
    const Json& args = j.at("args");
    if (!args.isArray()) throw FormatError(file + ": \"args\" must be a list of [option, value] pairs.");
    for (const Json& a : args.elements()) {
        if (!a.isArray() || a.size() != 2 || !a[0].isString() || !a[1].isString())
            throw FormatError(file + ": every entry of \"args\" must be [option, value], both text.");
        c.args.emplace_back(a[0].string(), a[1].string());
    }
    c.result = j.at("result");
    return c;
}

void saveComparison(const Comparison& c, const std::string& path)
{
    writeFileAtomic(path, toJson(c).dump(1) + "\n");
}

Comparison loadComparison(const std::string& path)
{
    return comparisonFromJson(Json::load(path), path);
}

std::string firstDifference(const Json& saved, const Json& now, const std::string& where)
{
    const std::string at = where.empty() ? "the result" : where;
    if (saved.type() != now.type()) return at + ": a different kind of value";
    switch (saved.type()) {
    case Json::Type::Null:
        return "";
    case Json::Type::Bool:
        return saved.boolean() == now.boolean() ? "" : at + ": " + (saved.boolean() ? "true" : "false") + " against " +
                                                          (now.boolean() ? "true" : "false");
    case Json::Type::Number: {
        if (saved.number() == now.number()) return "";
        char buf[96];
        std::snprintf(buf, sizeof buf, ": %.17g against %.17g", saved.number(), now.number());
        return at + buf;
    }
    case Json::Type::String:
        return saved.string() == now.string() ? "" : at + ": \"" + saved.string() + "\" against \"" + now.string() + "\"";
    case Json::Type::Array:
        if (saved.size() != now.size())
            return at + ": " + std::to_string(saved.size()) + " entries against " + std::to_string(now.size());
        for (size_t i = 0; i < saved.size(); ++i) {
            const std::string d = firstDifference(saved[i], now[i], at + "[" + std::to_string(i) + "]");
            if (!d.empty()) return d;
        }
        return "";
    case Json::Type::Object:
        for (const auto& [key, value] : saved.items()) {
            if (key == "seconds") continue;
            const Json* other = now.find(key);
            if (!other) return (where.empty() ? key : where + "." + key) + ": missing now";
            const std::string d = firstDifference(value, *other, where.empty() ? key : where + "." + key);
            if (!d.empty()) return d;
        }
        for (const auto& [key, value] : now.items())
            if (key != "seconds" && !saved.has(key)) return (where.empty() ? key : where + "." + key) + ": new now";
        return "";
    }
    return "";
}

} // namespace dl
