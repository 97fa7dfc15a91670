// SPDX-License-Identifier: MIT
#include "core/layers/layer_list.h"

#include "core/util/error.h"

#include <sstream>

namespace dl {

namespace {

struct Words {
    std::vector<std::string> plain;                         // positional values after the layer word
    std::vector<std::pair<std::string, std::string>> named; // k=3 → ("k", "3")
};

Words splitWords(std::istringstream& in)
{
    Words w;
    std::string t;
    while (in >> t) {
        const size_t eq = t.find('=');
        if (eq == std::string::npos)
            w.plain.push_back(t);
        else
            w.named.emplace_back(t.substr(0, eq), t.substr(eq + 1));
    }
    return w;
}

int toInt(const std::string& v, const std::string& what)
{
    size_t used = 0;
    int x = 0;
    try {
        x = std::stoi(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v.size() || v.empty()) throw ConfigError(what + " must be a whole number, not \"" + v + "\"");
    return x;
}

float toFloat(const std::string& v, const std::string& what)
{
    size_t used = 0;
    float x = 0;
    try {
        x = std::stof(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v.size() || v.empty()) throw ConfigError(what + " must be a number, not \"" + v + "\"");
    return x;
}

// Fills `s` from the words of one line; `shape` is the incoming (N, C, H, W) or (D, N) shape.
void fillSpec(const std::string& word, const Words& w, const Shape& shape, LayerSpec& s)
{
    const bool image = shape.size() == 4;
    const int inC = image ? shape[1] : shape[0];
    auto need = [&](size_t n, const char* usage) {
        if (w.plain.size() != n) throw ConfigError(std::string("write it as \"") + usage + "\"");
    };
    s.inputs = inC;
    if (word == "conv") {
        need(1, "conv OUT [k=3] [s=1] [p=0] [g=1]");
        s.type = "Conv2d";
        s.outputs = toInt(w.plain[0], "the output channel count");
        s.kernel = 3;
    } else if (word == "maxpool" || word == "avgpool") {
        need(1, "maxpool K [s=K] [p=0]");
        s.type = word == "maxpool" ? "MaxPool2d" : "AvgPool2d";
        s.kernel = s.stride = toInt(w.plain[0], "the pool size");
    } else if (word == "dense") {
        need(1, "dense OUT");
        s.type = "Dense";
        s.outputs = toInt(w.plain[0], "the output count");
    } else if (word == "residual") {
        need(1, "residual OUT [s=1]");
        s.type = "ResidualBlock";
        s.outputs = toInt(w.plain[0], "the output channel count");
    } else if (word == "dropout") {
        need(1, "dropout KEEP_PROB");
        s.type = "Dropout";
        s.keepProb = toFloat(w.plain[0], "keep_prob");
    } else if (word == "leaky") {
        if (w.plain.size() > 1) throw ConfigError("write it as \"leaky [SLOPE]\"");
        s.type = "LeakyReLU";
        if (!w.plain.empty()) s.leak = toFloat(w.plain[0], "the slope");
    } else {
        if (word == "bn")
            s.type = image ? "BatchNorm2d" : "BatchNorm";
        else if (word == "relu")
            s.type = "ReLU";
        else if (word == "sigmoid")
            s.type = "Sigmoid";
        else if (word == "tanh")
            s.type = "Tanh";
        else if (word == "flatten")
            s.type = "Flatten";
        else if (word == "gap")
            s.type = "GlobalAvgPool";
        else if (word == "l2norm")
            s.type = "L2Normalize";
        else
            throw ConfigError("unknown layer \"" + word +
                              "\"; use conv, maxpool, avgpool, bn, relu, leaky, sigmoid, tanh, dropout, "
                              "flatten, gap, dense, residual or l2norm");
        need(0, word.c_str());
    }
    for (const auto& [key, value] : w.named) {
        if (key == "k")
            s.kernel = toInt(value, "k");
        else if (key == "s")
            s.stride = toInt(value, "s");
        else if (key == "p")
            s.pad = toInt(value, "p");
        else if (key == "g")
            s.groups = toInt(value, "g");
        else
            throw ConfigError("unknown setting \"" + key +
                              "\"; use k (kernel), s (stride), p (padding), g (groups)");
    }
}

// What one layer may ask for (found by fuzz_layer_list: "conv 999999999" asked for 36 GB of weights).
constexpr double kMaxLayerWeights = 64e6; // 256 MB of floats
constexpr double kMaxActivations = 16e6;  // values per image out of one layer
constexpr int kMaxSetting = 65536;        // channels, units, kernel, stride, padding, groups

void checkSize(const LayerSpec& s)
{
    for (const auto& [value, name] : {std::pair{s.outputs, "the output count"},
                                      {s.kernel, "k"},
                                      {s.stride, "s"},
                                      {s.pad, "p"},
                                      {s.groups, "g"}})
        if (value > kMaxSetting)
            throw ConfigError(std::string(name) + " is " + std::to_string(value) + "; at most " +
                              std::to_string(kMaxSetting));
    const double in = s.inputs, out = s.outputs, k2 = double(s.kernel) * s.kernel;
    double weights = 0;
    if (s.type == "Conv2d") weights = out * (in / std::max(1, s.groups)) * k2;
    if (s.type == "Dense") weights = out * in;
    if (s.type == "ResidualBlock") weights = out * (in + out) * 9 + out * in;
    if (weights > kMaxLayerWeights)
        throw ConfigError("it needs " + numberText(weights) + " weights; this lab trains layers of up to " +
                          numberText(kMaxLayerWeights));
}

} // namespace

std::vector<LayerSpec> parseLayerList(const std::string& text, int c, int h, int w, int classes, LayerListEnd end)
{
    std::vector<LayerSpec> out;
    Shape shape{1, c, h, w};
    std::istringstream lines(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(lines, raw)) {
        ++lineNo;
        const std::string code = raw.substr(0, raw.find('#'));
        std::istringstream in(code);
        std::string word;
        if (!(in >> word)) continue;
        for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        try {
            LayerSpec s;
            fillSpec(word, splitWords(in), shape, s);
            checkSize(s);
            shape = makeLayer<float>(s)->outputShape(shape);
            double perImage = 1;
            for (size_t d = 1; d < shape.size(); ++d) perImage *= shape[d];
            if (shape.size() == 2) perImage = shape[0];
            if (perImage > kMaxActivations)
                throw ConfigError("its output has " + numberText(perImage) +
                                  " values per image; this lab keeps " + "layers under " +
                                  numberText(kMaxActivations) + " (use a stride or pooling)");
            out.push_back(s);
        } catch (const Error& e) {
            std::string trimmed = code;
            while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
                trimmed.pop_back();
            // The line as the user wrote it, from its first word (`word` is lower-cased: not searched for).
            const size_t first = trimmed.find_first_not_of(" \t\r");
            throw ConfigError("Line " + std::to_string(lineNo) + " (" +
                              (first == std::string::npos ? trimmed : trimmed.substr(first)) +
                              "): " + e.what());
        }
    }
    if (out.empty())
        throw ConfigError("The layer list is empty; start from a preset, e.g. \"flatten\" then \"dense " +
                          std::to_string(classes) + "\".");
    if (end == LayerListEnd::Embedding && (shape.size() != 2 || shape[0] != classes || out.back().type != "L2Normalize"))
        throw ConfigError("The last layer gives " + shapeString(shape) + " but the embedding has " +
                          std::to_string(classes) + " dimensions of unit length: end with \"dense " +
                          std::to_string(classes) + "\" and \"l2norm\".");
    if (shape.size() != 2 || shape[0] != classes)
        throw ConfigError(
            "The last layer gives " + shapeString(shape) + " but the data has " + std::to_string(classes) +
            " classes: end with \"flatten\" (or \"gap\") and \"dense " + std::to_string(classes) + "\".");
    return out;
}

std::string layerLine(const LayerSpec& s)
{
    const std::string k = " k=" + std::to_string(s.kernel), st = " s=" + std::to_string(s.stride),
                      p = " p=" + std::to_string(s.pad);
    if (s.type == "Conv2d")
        return "conv " + std::to_string(s.outputs) + k + (s.stride != 1 ? st : "") + (s.pad ? p : "") +
               (s.groups != 1 ? " g=" + std::to_string(s.groups) : "");
    if (s.type == "MaxPool2d" || s.type == "AvgPool2d")
        return std::string(s.type == "MaxPool2d" ? "maxpool " : "avgpool ") + std::to_string(s.kernel) +
               (s.stride != s.kernel ? st : "") + (s.pad ? p : "");
    if (s.type == "Dense") return "dense " + std::to_string(s.outputs);
    if (s.type == "ResidualBlock") return "residual " + std::to_string(s.outputs) + (s.stride != 1 ? st : "");
    if (s.type == "Dropout") {
        std::ostringstream o;
        o << "dropout " << s.keepProb;
        return o.str();
    }
    if (s.type == "LeakyReLU") {
        std::ostringstream o;
        o << "leaky " << s.leak;
        return o.str();
    }
    if (s.type == "BatchNorm2d" || s.type == "BatchNorm") return "bn";
    if (s.type == "ReLU") return "relu";
    if (s.type == "Sigmoid") return "sigmoid";
    if (s.type == "Tanh") return "tanh";
    if (s.type == "Flatten") return "flatten";
    if (s.type == "GlobalAvgPool") return "gap";
    if (s.type == "L2Normalize") return "l2norm";
    throw ConfigError("the layer list has no word for " + s.type);
}

std::string layerListText(const std::vector<LayerSpec>& specs)
{
    std::string t;
    for (const LayerSpec& s : specs) t += layerLine(s) + "\n";
    return t;
}

} // namespace dl
