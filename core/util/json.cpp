// SPDX-License-Identifier: MIT
// Reading and writing JSON (RFC 8259) is nlohmann-json's; this file keeps the project's value model and its
// typed reads, which answer a wrong type with a sentence naming the value.
#include "core/util/json.h"

#include "core/util/error.h"
#include "core/util/file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace dl {

double Json::number(const char* what) const
{
    if (m_type != Type::Number) throw FormatError(std::string(what) + " should be a number");
    return m_num;
}
bool Json::boolean(const char* what) const
{
    if (m_type != Type::Bool) throw FormatError(std::string(what) + " should be true or false");
    return m_bool;
}
const std::string& Json::string(const char* what) const
{
    if (m_type != Type::String) throw FormatError(std::string(what) + " should be a string");
    return m_str;
}
void Json::push(Json v)
{
    if (m_type == Type::Null) m_type = Type::Array;
    m_arr.push_back(std::move(v));
}
size_t Json::size() const
{
    return m_type == Type::Array ? m_arr.size() : m_obj.size();
}
const Json& Json::operator[](size_t i) const
{
    if (m_type != Type::Array) throw FormatError("expected an array");
    if (i >= m_arr.size()) throw FormatError("an array has " + std::to_string(m_arr.size()) + " elements, not " + std::to_string(i + 1));
    return m_arr.at(i);
}
Json& Json::set(const std::string& key, Json v)
{
    if (m_type == Type::Null) m_type = Type::Object;
    for (auto& kv : m_obj)
        if (kv.first == key) {
            kv.second = std::move(v);
            return *this;
        }
    m_obj.emplace_back(key, std::move(v));
    return *this;
}
const Json* Json::find(const std::string& key) const
{
    for (const auto& kv : m_obj)
        if (kv.first == key) return &kv.second;
    return nullptr;
}
bool Json::has(const std::string& key) const
{
    return find(key) != nullptr;
}
const Json& Json::at(const std::string& key) const
{
    const Json* j = find(key);
    if (!j) throw FormatError("missing key \"" + key + "\"");
    return *j;
}
double Json::get(const std::string& key, double def) const
{
    const Json* j = find(key);
    return j ? j->number(key.c_str()) : def;
}
std::string Json::get(const std::string& key, const std::string& def) const
{
    const Json* j = find(key);
    return j ? j->string(key.c_str()) : def;
}

namespace {

using Lib = nlohmann::ordered_json; // keeps an object's keys in the order they were written

constexpr int kMaxDepth = 64; // deeper files are refused, not recursed into

Lib toLib(const Json& j)
{
    switch (j.type()) {
    case Json::Type::Null:
        return nullptr;
    case Json::Type::Bool:
        return j.boolean();
    case Json::Type::Number: {
        const double d = j.number();
        if (!std::isfinite(d)) return nullptr;                                             // JSON has no NaN/Inf
        if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) return std::int64_t(d); // "5", not "5.0"
        return d; // shortest text that reads back as the same double (nlohmann's Grisu2)
    }
    case Json::Type::String:
        return j.string();
    case Json::Type::Array: {
        Lib a = Lib::array();
        for (const Json& e : j.elements()) a.push_back(toLib(e));
        return a;
    }
    case Json::Type::Object: {
        Lib o = Lib::object();
        for (const auto& [k, v] : j.items()) o[k] = toLib(v);
        return o;
    }
    }
    return nullptr;
}

Json fromLib(const Lib& n)
{
    switch (n.type()) {
    case Lib::value_t::null:
    case Lib::value_t::discarded:
        return Json();
    case Lib::value_t::boolean:
        return Json(n.get<bool>());
    case Lib::value_t::number_integer:
    case Lib::value_t::number_unsigned:
    case Lib::value_t::number_float:
        return Json(n.get<double>());
    case Lib::value_t::string:
        return Json(n.get<std::string>());
    case Lib::value_t::array: {
        Json a = Json::array();
        for (const Lib& e : n) a.push(fromLib(e));
        return a;
    }
    case Lib::value_t::object: {
        Json o = Json::object();
        for (const auto& [k, v] : n.items()) o.set(k, fromLib(v));
        return o;
    }
    case Lib::value_t::binary:
        break;
    }
    throw FormatError("JSON: binary values are not JSON text");
}

// "line L, column C" from a byte offset (nlohmann reports the byte after the error).
std::string position(const std::string& text, size_t byte)
{
    int line = 1, col = 1;
    for (size_t k = 0; k + 1 < byte && k < text.size(); ++k) {
        if (text[k] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

} // namespace

std::string Json::dump(int indent) const
{
    // Invalid UTF-8 in a string (a path from a foreign file system) is written as U+FFFD, not refused.
    return toLib(*this).dump(indent, ' ', false, Lib::error_handler_t::replace);
}

Json Json::load(const std::string& path)
{
    const std::string text = readFile(path);
    try {
        return parse(text);
    } catch (const FormatError& err) {
        throw FormatError(std::filesystem::path(path).filename().string() + " is not valid JSON (" + err.what() + ").");
    }
}

Json Json::parse(const std::string& text)
{
    Lib lib;
    try {
        const Lib::parser_callback_t depthLimit = [](int depth, Lib::parse_event_t, Lib&) {
            if (depth > kMaxDepth) throw FormatError("JSON nested more than 64 levels deep");
            return true;
        };
        lib = Lib::parse(text, depthLimit);
    } catch (const Lib::parse_error& e) {
        // e.what(): "[json.exception.parse_error.101] parse error at line 2, column 13: syntax error …"
        std::string why = e.what();
        const size_t at = why.find(": ", why.find("column"));
        why = at == std::string::npos ? why : why.substr(at + 2);
        throw FormatError("JSON " + position(text, e.byte) + ": " + why);
    } catch (const Lib::exception& e) { // out_of_range 406: "number overflow parsing '1e400'"
        const std::string why = e.what();
        const size_t at = why.find("] ");
        throw FormatError("JSON: a number too large for a double (" +
                          (at == std::string::npos ? why : why.substr(at + 2)) + ")");
    }
    return fromLib(lib);
}

} // namespace dl
