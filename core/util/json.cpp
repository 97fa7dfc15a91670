// SPDX-License-Identifier: MIT
// Grammar from RFC 8259; numbers printed with 17 significant digits so a double round-trips exactly.
#include "core/util/json.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

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

static void escapeTo(std::string& out, const std::string& s)
{
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void Json::dumpTo(std::string& out, int indent, int depth) const
{
    auto newline = [&](int d) {
        if (indent < 0) return;
        out += '\n';
        out.append(static_cast<size_t>(indent * d), ' ');
    };
    switch (m_type) {
    case Type::Null:
        out += "null";
        break;
    case Type::Bool:
        out += m_bool ? "true" : "false";
        break;
    case Type::Number: {
        if (!std::isfinite(m_num)) {
            out += "null"; // JSON has no NaN/Inf
            break;
        }
        char buf[32];
        if (m_num == std::floor(m_num) && std::fabs(m_num) < 1e15)
            std::snprintf(buf, sizeof buf, "%.0f", m_num);
        else
            std::snprintf(buf, sizeof buf, "%.17g", m_num);
        out += buf;
        break;
    }
    case Type::String:
        escapeTo(out, m_str);
        break;
    case Type::Array:
        out += '[';
        for (size_t i = 0; i < m_arr.size(); ++i) {
            if (i) out += indent < 0 ? ", " : ",";
            newline(depth + 1);
            m_arr[i].dumpTo(out, indent, depth + 1);
        }
        if (!m_arr.empty()) newline(depth);
        out += ']';
        break;
    case Type::Object:
        out += '{';
        for (size_t i = 0; i < m_obj.size(); ++i) {
            if (i) out += indent < 0 ? ", " : ",";
            newline(depth + 1);
            escapeTo(out, m_obj[i].first);
            out += ": ";
            m_obj[i].second.dumpTo(out, indent, depth + 1);
        }
        if (!m_obj.empty()) newline(depth);
        out += '}';
        break;
    }
}

std::string Json::dump(int indent) const
{
    std::string out;
    dumpTo(out, indent, 0);
    return out;
}

namespace {
struct Parser {
    const std::string& s;
    size_t i = 0;
    [[noreturn]] void fail(const std::string& msg) const
    {
        int line = 1, col = 1;
        for (size_t k = 0; k < i && k < s.size(); ++k) {
            if (s[k] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        throw FormatError("JSON line " + std::to_string(line) + ", column " + std::to_string(col) + ": " +
                          msg);
    }
    void ws()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    }
    bool lit(const char* w)
    {
        size_t n = std::char_traits<char>::length(w);
        if (s.compare(i, n, w) == 0) {
            i += n;
            return true;
        }
        return false;
    }
    std::string str()
    {
        if (s[i] != '"') fail("expected a string");
        ++i;
        std::string out;
        while (i < s.size() && s[i] != '"') {
            char c = s[i++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= s.size()) fail("unterminated string");
            char e = s[i++];
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u': {
                if (i + 4 > s.size()) fail("bad \\u escape");
                unsigned code = static_cast<unsigned>(std::strtoul(s.substr(i, 4).c_str(), nullptr, 16));
                i += 4;
                if (code < 0x80) {
                    out += static_cast<char>(code);
                } else if (code < 0x800) {
                    out += static_cast<char>(0xC0 | (code >> 6));
                    out += static_cast<char>(0x80 | (code & 0x3F));
                } else {
                    out += static_cast<char>(0xE0 | (code >> 12));
                    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (code & 0x3F));
                }
                break;
            }
            default:
                out += e;
            }
        }
        if (i >= s.size()) fail("unterminated string");
        ++i;
        return out;
    }
    Json value(int depth)
    {
        if (depth > 64) fail("nesting too deep");
        ws();
        if (i >= s.size()) fail("unexpected end of file");
        char c = s[i];
        if (c == '{') {
            ++i;
            Json o = Json::object();
            ws();
            if (i < s.size() && s[i] == '}') {
                ++i;
                return o;
            }
            for (;;) {
                ws();
                std::string k = str();
                ws();
                if (i >= s.size() || s[i] != ':') fail("expected ':'");
                ++i;
                o.set(k, value(depth + 1));
                ws();
                if (i < s.size() && s[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < s.size() && s[i] == '}') {
                    ++i;
                    return o;
                }
                fail("expected ',' or '}'");
            }
        }
        if (c == '[') {
            ++i;
            Json a = Json::array();
            ws();
            if (i < s.size() && s[i] == ']') {
                ++i;
                return a;
            }
            for (;;) {
                a.push(value(depth + 1));
                ws();
                if (i < s.size() && s[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < s.size() && s[i] == ']') {
                    ++i;
                    return a;
                }
                fail("expected ',' or ']'");
            }
        }
        if (c == '"') return Json(str());
        if (lit("true")) return Json(true);
        if (lit("false")) return Json(false);
        if (lit("null")) return Json();
        const char* begin = s.c_str() + i;
        char* end = nullptr;
        double d = std::strtod(begin, &end);
        if (end == begin) fail("unexpected character '" + std::string(1, c) + "'");
        i += static_cast<size_t>(end - begin);
        return Json(d);
    }
};
} // namespace

Json Json::parse(const std::string& text)
{
    Parser p{text};
    Json v = p.value(0);
    p.ws();
    if (p.i != text.size()) p.fail("unexpected text after the end");
    return v;
}

} // namespace dl
