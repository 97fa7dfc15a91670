// SPDX-License-Identifier: MIT
#include "core/train/image_model_file.h"

#include "core/layers/layer_list.h"
#include "core/train/image_models.h"
#include "core/util/model_container.h"
#include "core/util/file.h"

#include <filesystem>
#include <limits>

namespace dl {

namespace {
const ContainerFormat kImageModelFormat{"DLIM", 1, kImageModelVersion, "image-model",
                                        "a DL Visual Lab image model (.dlm); open one saved by the Images lab."};
} // namespace

void saveImageModel(ImageTrainer& t, const ImageSource& source, const std::string& path)
{
    const Shape& s = t.train().images.shape();
    Json h = Json::object();
    h.set("layers", layerListText(t.layers()));
    Json input = Json::array();
    for (int d : {s[1], s[2], s[3]}) input.push(d);
    h.set("input", input).set("classes", t.train().classes);
    Json names = Json::array();
    for (const std::string& n : t.train().classNames) names.push(n);
    h.set("class_names", names);
    h.set("hyper", toJson(t.hyper()));
    h.set("augmentation", t.augmentation().toJson());
    h.set("source", toJson(source));
    h.set("frozen", t.frozen()).set("precompute", t.precomputed() ? 1 : 0);
    h.set("step", double(t.steps()))
        .set("epoch", double(t.epochs()))
        .set("epoch_position", t.epochPosition());
    h.set("optimizer_t", double(t.optimizer().steps())).set("rng", t.rng().state());
    ContainerWriter w(kImageModelFormat, h);
    for (Param* p : t.model().params()) w.tensor(p->value);
    for (Tensor* b : t.model().buffers()) w.tensor(*b);
    for (Tensor& m : t.optimizer().moments()) w.tensor(m);
    const std::vector<int>& order = t.epochPosition() > 0 ? t.epochOrder() : std::vector<int>();
    writeFileAtomic(path, w.finish(order));
}

ImageModelFile readImageModel(const std::string& path)
{
    return parseImageModel(readFile(path), std::filesystem::path(path).filename().string());
}

ImageModelFile parseImageModel(std::string bytes, const std::string& name)
{
    ImageModelFile f;
    f.name = name;
    f.bytes = std::move(bytes);
    const ContainerReader r(f.bytes, f.name, kImageModelFormat);
    f.version = r.version();
    f.tensorsAt = r.tensorsAt();
    try {
        const Json& h = r.header();
        const Json& in = h.at("input");
        if (in.size() != 3) throw FormatError("the input shape needs 3 numbers");
        f.c = wholeNumber<int>(in[0].number(), "the input channels");
        f.h = wholeNumber<int>(in[1].number(), "the input height");
        f.w = wholeNumber<int>(in[2].number(), "the input width");
        f.classes = wholeNumber<int>(h.at("classes").number("classes"), "classes");
        const Json& names = h.at("class_names");
        for (size_t i = 0; i < names.size(); ++i) f.classNames.push_back(names[i].string());
        f.layers = parseLayerList(h.at("layers").string("layers"), f.c, f.h, f.w, f.classes);
        f.hyper = hyperFromJson(h.at("hyper"));
        f.augmentation = AugmentPipeline::fromJson(h.at("augmentation"));
        f.source = imageSourceFromJson(h.at("source"));
        f.frozen = wholeNumber<int>(h.get("frozen", 0.0), "frozen");
        f.precompute = h.get("precompute", 0.0) != 0.0;
        f.rngState = h.get("rng", std::string());
        f.epochPosition = wholeNumber<int>(h.get("epoch_position", 0.0), "epoch_position");
    } catch (const Error& e) {
        throw FormatError(f.name + " has a damaged header: " + e.what());
    }
    return f;
}

ImageNetState loadImageNetState(const ImageModelFile& f)
{
    Rng rng(1); // overwritten by the file's values
    ImageNetState s;
    s.net = buildImageModel(f.layers, f.c, f.h, f.w, rng);
    ContainerReader r(f.bytes, f.name, kImageModelFormat);
    for (Param* p : s.net.params()) r.tensorInto(p->value, p->name);
    for (Tensor* b : s.net.buffers()) r.tensorInto(*b, "a batch-norm running average");
    std::vector<Param*> trained; // the layers after the frozen prefix, as ImageTrainer::rebuildOptimizer takes them
    for (size_t i = 0; i < s.net.size(); ++i)
        for (Param* p : s.net.layer(i).params()) {
            if (i < static_cast<size_t>(f.frozen)) ++s.firstTrainedParam;
            else trained.push_back(p);
        }
    s.optimizer = makeOptimizer(f.hyper.opt, trained);
    for (Tensor& m : s.optimizer->moments()) r.tensorInto(m, "the optimizer state");
    s.optimizer->setSteps(static_cast<long>(r.count("optimizer_t", 0, 1e15, 0)));
    return s;
}

Sequential loadImageNet(const ImageModelFile& f)
{
    return std::move(loadImageNetState(f).net);
}

std::unique_ptr<ImageTrainer> restoreImageTrainer(const ImageModelFile& f, SharedImageSet train,
                                                  SharedImageSet dev)
{
    if (!train || !dev) throw ConfigError("the training or dev set is missing");
    const Shape& s = train->images.shape();
    if (s[1] != f.c || s[2] != f.h || s[3] != f.w || train->classes != f.classes)
        throw FormatError(f.name + " was trained on " + std::to_string(f.classes) + " classes of " +
                          std::to_string(f.c) + "×" + std::to_string(f.h) + "×" + std::to_string(f.w) +
                          " images; the chosen data has " + std::to_string(train->classes) + " classes of " +
                          std::to_string(s[1]) + "×" + std::to_string(s[2]) + "×" + std::to_string(s[3]) +
                          ".");
    auto t = std::make_unique<ImageTrainer>(f.layers, f.hyper, std::move(train), std::move(dev), 1u);
    t->setAugmentation(f.augmentation);
    ContainerReader r(f.bytes, f.name, kImageModelFormat);
    const Json& h = r.header();
    for (Param* p : t->model().params()) r.tensorInto(p->value, p->name);
    for (Tensor* b : t->model().buffers()) r.tensorInto(*b, "a batch-norm running average");
    t->setFrozen(f.frozen, f.precompute); // the optimizer state belongs to the trained part
    for (Tensor& m : t->optimizer().moments()) r.tensorInto(m, "the optimizer state");
    t->optimizer().setSteps(static_cast<long>(r.count("optimizer_t", 0, 1e15, 0)));
    if (const std::string rs = h.get("rng", std::string()); !rs.empty()) t->rng().setState(rs);
    const int n = t->train().size();
    std::vector<int> order = r.finish(std::numeric_limits<std::uint32_t>::max(), std::numeric_limits<int>::max(),
                                      f.version >= 2);
    if (!order.empty() && order.size() != static_cast<size_t>(n))
        throw FormatError(f.name + " was saved in the middle of an epoch over " + std::to_string(order.size()) +
                          " training images; the chosen data has " + std::to_string(n) + ".");
    const int position = order.empty() ? 0 : static_cast<int>(r.count("epoch_position", 0, n, 0));
    try {
        t->setProgress(static_cast<long>(r.count("step", 0, 1e15, 0)), static_cast<long>(r.count("epoch", 0, 1e15, 0)),
                       position, std::move(order));
    } catch (const ConfigError& e) {
        throw FormatError(f.name + " is damaged: " + e.what());
    }
    return t;
}

} // namespace dl
