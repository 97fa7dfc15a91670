// SPDX-License-Identifier: MIT
#include "app/cli/export.h"

#include "core/export/onnx_export.h"
#include "core/layers/dense.h"
#include "core/train/checkpoint.h"
#include "core/train/image_model_file.h"
#include "core/util/error.h"
#include "core/util/json.h"

#include <cstdio>
#include <filesystem>

namespace dlcli {

namespace {

std::string extension(const std::string& path)
{
    return std::filesystem::path(path).extension().string();
}

int run(const Args& a)
{
    const std::string in = a.positional.at(0), out = a.str("onnx", "");
    if (out.empty()) throw UsageError("say where the ONNX file goes: --onnx OUT.onnx");
    std::vector<int> example;
    std::string what;
    auto write = [&](dl::Sequential& net) { dl::saveOnnx(net, example, out, "exported by dlcli export from " + in); };
    if (extension(in) == ".dlck") { // the Playground: a 2-D (or F-feature) MLP
        std::unique_ptr<dl::Trainer> t = dl::loadCheckpoint(in);
        dl::Sequential& net = t->model();
        auto* first = net.size() ? dynamic_cast<dl::Dense*>(&net.layer(0)) : nullptr;
        if (!first) throw dl::FormatError(in + " does not start with a dense layer; it is no Playground model.");
        example = {first->weight().value.shape()[1]};
        what = "Playground model";
        write(net);
    } else if (extension(in) == ".dlm") {
        const dl::ImageModelFile f = dl::readImageModel(in);
        dl::Sequential net = dl::loadImageNet(f);
        example = {f.c, f.h, f.w};
        what = "Images lab model";
        write(net);
    } else {
        throw UsageError(in + " is neither a Playground checkpoint (.dlck) nor an Images lab model (.dlm)");
    }
    const auto bytes = std::filesystem::file_size(out);
    if (a.has("json")) {
        dl::Json shape = dl::Json::array();
        for (int d : example) shape.push(d);
        dl::Json j = dl::Json::object();
        j.set("onnx", out).set("bytes", double(bytes)).set("model", what).set("example_shape", shape);
        std::printf("%s\n", j.dump().c_str());
    } else if (!a.has("quiet")) {
        std::string s;
        for (int d : example) s += (s.empty() ? "" : "×") + std::to_string(d);
        std::printf("wrote %s (%ju bytes): the %s, input (N, %s), output (N, classes); ONNX opset 11\n", out.c_str(),
                    std::uintmax_t(bytes), what.c_str(), s.c_str());
    }
    return 0;
}

} // namespace

Command exportCommand()
{
    return {"export",
            "a trained model for other engines: a Playground checkpoint (.dlck) or an Images lab model (.dlm) as "
            "ONNX (opset 11; OpenCV DNN, ONNX Runtime, PyTorch); the graph computes the model's evaluation forward",
            {{"onnx", Kind::Text, "the ONNX file to write (written to a temporary file, then renamed)"}},
            "MODEL",
            1,
            run};
}

} // namespace dlcli
