// SPDX-License-Identifier: MIT
// The project's JSON value (RFC 8259) for experiment, model and run files and CLI output: numbers are
// doubles, objects keep insertion order, every typed read names the value it expected. Text is parsed and
// written by nlohmann-json (json.cpp); parse errors name the line and column.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dl {

class Json {
  public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    Json() = default;
    Json(bool b) : m_type(Type::Bool), m_bool(b) {}
    Json(double d) : m_type(Type::Number), m_num(d) {}
    Json(int i) : m_type(Type::Number), m_num(i) {}
    Json(long i) : m_type(Type::Number), m_num(static_cast<double>(i)) {}
    Json(const char* s) : m_type(Type::String), m_str(s) {}
    Json(std::string s) : m_type(Type::String), m_str(std::move(s)) {}
    static Json array()
    {
        Json j;
        j.m_type = Type::Array;
        return j;
    }
    static Json object()
    {
        Json j;
        j.m_type = Type::Object;
        return j;
    }

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isObject() const { return m_type == Type::Object; }
    bool isArray() const { return m_type == Type::Array; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }

    // Typed reads; throw FormatError naming `what` when the type is wrong.
    double number(const char* what = "value") const;
    bool boolean(const char* what = "value") const;
    const std::string& string(const char* what = "value") const;

    // Arrays
    void push(Json v);
    size_t size() const;
    const Json& operator[](size_t i) const;
    // Objects
    Json& set(const std::string& key, Json v); // returns *this for chaining
    bool has(const std::string& key) const;
    const Json& at(const std::string& key) const; // throws FormatError "missing key"
    const Json* find(const std::string& key) const;
    const std::vector<std::pair<std::string, Json>>& items() const { return m_obj; }
    const std::vector<Json>& elements() const { return m_arr; }

    // Convenience with defaults.
    double get(const std::string& key, double def) const;
    std::string get(const std::string& key, const std::string& def) const;

    std::string dump(int indent = -1) const;    // -1: one line
    static Json parse(const std::string& text); // throws FormatError with line:column
    // The JSON file at `path`: IoError when unreadable, FormatError "NAME is not valid JSON (line:column …)."
    static Json load(const std::string& path);

  private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_num = 0;
    std::string m_str;
    std::vector<Json> m_arr;
    std::vector<std::pair<std::string, Json>> m_obj;
};

} // namespace dl
