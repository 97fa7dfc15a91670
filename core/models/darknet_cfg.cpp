// SPDX-License-Identifier: MIT
#include "core/models/darknet_cfg.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

namespace dl {

namespace {

std::string trim(const std::string& s)
{
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return {};
    const size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

// Keys per section type: those the lab reads, then those only darknet's trainer reads (pjreddie/darknet
// parser.c and AlexeyAB/darknet parser.c). Anything else is a typo or a feature we do not run.
const std::map<std::string, std::set<std::string>>& knownKeys()
{
    static const std::set<std::string> yoloKeys{"mask",
                                                "anchors",
                                                "classes",
                                                "num",
                                                "scale_x_y",
                                                "new_coords",
                                                "jitter",
                                                "ignore_thresh",
                                                "truth_thresh",
                                                "random",
                                                "iou_thresh",
                                                "cls_normalizer",
                                                "iou_normalizer",
                                                "obj_normalizer",
                                                "iou_loss",
                                                "nms_kind",
                                                "beta_nms",
                                                "max_delta",
                                                "counters_per_class",
                                                "label_smooth_eps",
                                                "resize",
                                                "focal_loss",
                                                "objectness_smooth",
                                                "max",
                                                "map",
                                                "uc_normalizer",
                                                "delta_normalizer",
                                                "track_history_size"};
    static const std::map<std::string, std::set<std::string>> keys{
        {"net",
         {"width",
          "height",
          "channels",
          "letter_box",
          "batch",
          "subdivisions",
          "momentum",
          "decay",
          "angle",
          "saturation",
          "exposure",
          "hue",
          "learning_rate",
          "burn_in",
          "max_batches",
          "policy",
          "steps",
          "scales",
          "power",
          "aspect",
          "adam",
          "inputs",
          "max_crop",
          "min_crop",
          "time_steps",
          "seen",
          "mosaic",
          "mixup",
          "cutmix",
          "blur",
          "flip",
          "gaussian_noise",
          "jitter",
          "b1",
          "b2",
          "eps",
          "label_smooth_eps",
          "track",
          "augment_speed",
          "sequential_subdivisions",
          "try_fix_nan",
          "mosaic_bound",
          "contrastive",
          "unsupervised",
          "loss_scale",
          "dynamic_minibatch",
          "optimized_memory",
          "workspace_size_limit_MB",
          "adversarial_lr",
          "attention",
          "max_chart_loss",
          "gamma",
          "rotate",
          "step",
          "mean",
          "sub_batch",
          "num_steps"}},
        {"convolutional", {"filters",      "size",
                           "stride",       "pad",
                           "padding",      "groups",
                           "activation",   "batch_normalize",
                           "dilation",     "binary",
                           "xnor",         "flipped",
                           "dot",          "stride_x",
                           "stride_y",     "share_index",
                           "antialiasing", "assisted_excitation",
                           "deform",       "sway",
                           "rotate",       "stretch",
                           "stretch_sway", "bin_output",
                           "coordconv",    "cbn"}},
        {"maxpool",
         {"size", "stride", "padding", "stride_x", "stride_y", "maxpool_depth", "out_channels",
          "antialiasing"}},
        {"avgpool", {}},
        {"route", {"layers", "groups", "group_id", "stopbackward"}},
        {"shortcut", {"from", "activation", "weights_type", "weights_normalization"}},
        {"upsample", {"stride", "scale"}},
        {"dropout", {"probability", "dropblock", "dropblock_size_rel", "dropblock_size_abs"}},
        {"yolo", yoloKeys},
        {"region", {"anchors",     "classes",     "num",      "coords",       "softmax",
                    "bias_match",  "jitter",      "rescore",  "object_scale", "noobject_scale",
                    "class_scale", "coord_scale", "absolute", "thresh",       "random",
                    "tree",        "map",         "max",      "focal_loss",   "log"}},
        {"softmax", {"groups", "temperature", "tree", "noloss", "spatial"}},
        {"cost", {"type", "scale", "ratio", "noobject_scale", "thresh"}},
    };
    return keys;
}

std::string knownSectionList()
{
    std::string s;
    for (const auto& [k, v] : knownKeys()) s += (s.empty() ? "[" : ", [") + k + "]";
    return s;
}

// Synonyms darknet accepts for section names (parser.c `string_to_layer_type`).
std::string canonicalSection(const std::string& t)
{
    if (t == "network") return "net";
    if (t == "conv") return "convolutional";
    if (t == "max") return "maxpool";
    if (t == "avg") return "avgpool";
    if (t == "soft") return "softmax";
    return t;
}

} // namespace

const CfgOption* CfgSection::find(const std::string& key) const
{
    for (const CfgOption& o : options)
        if (o.key == key) return &o;
    return nullptr;
}

int CfgSection::getInt(const std::string& file, const std::string& key, int def) const
{
    const CfgOption* o = find(key);
    if (!o) return def;
    char* end = nullptr;
    const long v = std::strtol(o->value.c_str(), &end, 10);
    if (end == o->value.c_str() || trim(end) != "" || v < -1000000 || v > 1000000)
        throw FormatError(fileLinePrefix(file, o->line) + key + "=" + o->value +
                          " is not a whole number; write e.g. " + key + "=1.");
    return static_cast<int>(v);
}

float CfgSection::getFloat(const std::string& file, const std::string& key, float def) const
{
    const CfgOption* o = find(key);
    if (!o) return def;
    char* end = nullptr;
    const float v = std::strtof(o->value.c_str(), &end);
    if (end == o->value.c_str() || trim(end) != "" || !std::isfinite(v))
        throw FormatError(fileLinePrefix(file, o->line) + key + "=" + o->value + " is not a number.");
    return v;
}

std::string CfgSection::getString(const std::string& key, const std::string& def) const
{
    const CfgOption* o = find(key);
    return o ? o->value : def;
}

std::vector<float> CfgSection::getFloats(const std::string& file, const std::string& key) const
{
    std::vector<float> out;
    const CfgOption* o = find(key);
    if (!o) return out;
    std::stringstream ss(o->value);
    std::string item;
    while (std::getline(ss, item, ',')) {
        item = trim(item);
        if (item.empty()) continue;
        char* end = nullptr;
        const float v = std::strtof(item.c_str(), &end);
        if (end == item.c_str() || trim(end) != "" || !std::isfinite(v))
            throw FormatError(fileLinePrefix(file, o->line) + key + ": \"" + item + "\" is not a number.");
        out.push_back(v);
    }
    return out;
}

std::vector<int> CfgSection::getInts(const std::string& file, const std::string& key) const
{
    std::vector<int> out;
    for (float v : getFloats(file, key)) {
        if (v != std::floor(v) || std::fabs(v) > 1e6f) {
            const CfgOption* o = find(key);
            throw FormatError(fileLinePrefix(file, o->line) + key + ": " + o->value +
                              " must be whole numbers.");
        }
        out.push_back(static_cast<int>(v));
    }
    return out;
}

std::vector<CfgSection> parseDarknetCfg(const std::string& text, const std::string& file)
{
    std::vector<CfgSection> sections;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        const std::string line = trim(raw);
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line[0] == '[') {
            if (line.back() != ']' || line.size() < 3)
                throw FormatError(fileLinePrefix(file, lineNo) + "\"" + line +
                                  "\" is not a section header like [convolutional].");
            const std::string type = canonicalSection(trim(line.substr(1, line.size() - 2)));
            if (!knownKeys().count(type))
                throw FormatError(fileLinePrefix(file, lineNo) + "unknown layer [" + type +
                                  "]; this lab runs " + knownSectionList() + ".");
            sections.push_back({type, lineNo, {}});
            continue;
        }
        const size_t eq = line.find('=');
        if (eq == std::string::npos)
            throw FormatError(fileLinePrefix(file, lineNo) + "\"" + line +
                              "\" is neither [section] nor key=value.");
        if (sections.empty())
            throw FormatError(fileLinePrefix(file, lineNo) + "\"" + line +
                              "\" comes before the first [section].");
        CfgOption o{trim(line.substr(0, eq)), trim(line.substr(eq + 1)), lineNo};
        CfgSection& s = sections.back();
        if (o.key.empty()) throw FormatError(fileLinePrefix(file, lineNo) + "a value without a key.");
        if (o.value.empty()) throw FormatError(fileLinePrefix(file, lineNo) + o.key + " has no value.");
        if (!knownKeys().at(s.type).count(o.key))
            throw FormatError(fileLinePrefix(file, lineNo) + "[" + s.type + "] has no key \"" + o.key +
                              "\".");
        s.options.push_back(std::move(o));
    }
    if (sections.empty()) throw FormatError(file + " has no [net] section; is it a darknet .cfg file?");
    if (sections.front().type != "net")
        throw FormatError(fileLinePrefix(file, sections.front().line) +
                          "a darknet cfg starts with [net], not [" + sections.front().type + "].");
    return sections;
}

} // namespace dl
