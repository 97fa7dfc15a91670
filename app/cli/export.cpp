// SPDX-License-Identifier: MIT
#include "app/cli/export.h"

#include "core/export/model_export.h"
#include "core/util/json.h"

#include <cstdio>
#include <filesystem>

namespace dlcli {

namespace {

int run(const Args& a)
{
    const std::string in = a.positional.at(0), onnx = a.str("onnx", ""), torchDir = a.str("pytorch", "");
    if (onnx.empty() && torchDir.empty()) throw UsageError("say what to write: --onnx OUT.onnx and/or --pytorch FOLDER");
    const std::string ext = std::filesystem::path(in).extension().string();
    if (ext != ".dlck" && ext != ".dlm")
        throw UsageError(in + " is neither a Playground checkpoint (.dlck) nor an Images lab model (.dlm)");
    const dl::ModelExport m =
        dl::exportModelFile(in, onnx, torchDir, "exported by dlcli export from " + in, int(a.num("steps", 50)));
    const std::string& what = m.what;
    const std::vector<int>& shape = m.exampleShape;
    std::string s;
    for (int d : shape) s += (s.empty() ? "" : "×") + std::to_string(d);
    if (a.has("json")) {
        dl::Json dims = dl::Json::array();
        for (int d : shape) dims.push(d);
        dl::Json j = dl::Json::object();
        j.set("model", what).set("example_shape", dims);
        if (!onnx.empty()) j.set("onnx", onnx).set("bytes", double(std::filesystem::file_size(onnx)));
        if (!torchDir.empty()) j.set("pytorch", torchDir);
        std::printf("%s\n", j.dump().c_str());
    } else if (!a.has("quiet")) {
        if (!onnx.empty() && what == "Sequence lab model")
            std::printf("wrote %s (%ju bytes): the %s unrolled over %d steps, inputs x_1 … x_%d (N, %d), outputs y_1 … "
                        "y_%d (N, %d), the state starting at zero; ONNX opset 11\n", onnx.c_str(),
                        std::uintmax_t(std::filesystem::file_size(onnx)), what.c_str(), shape[0], shape[0], shape[1],
                        shape[0], shape[1]);
        else if (!onnx.empty())
            std::printf("wrote %s (%ju bytes): the %s, input (N, %s), output (N, classes); ONNX opset 11\n", onnx.c_str(),
                        std::uintmax_t(std::filesystem::file_size(onnx)), what.c_str(), s.c_str());
        if (!torchDir.empty() && what == "Sequence lab model")
            std::printf("wrote %s/: model.py (the course's cells), weights.npz, experiment.json, train.py (python3 "
                        "%s/train.py --text CORPUS --steps 1000, or torchrun --nproc_per_node=2 %s/train.py --text "
                        "CORPUS)\n", torchDir.c_str(), torchDir.c_str(), torchDir.c_str());
        else if (!torchDir.empty())
            std::printf("wrote %s/: model.py, weights.npz, experiment.json, train.py (python3 %s/train.py --epochs 1, "
                        "or torchrun --nproc_per_node=2 %s/train.py)\n", torchDir.c_str(), torchDir.c_str(), torchDir.c_str());
    }
    return 0;
}

} // namespace

Command exportCommand()
{
    return {"export",
            "a trained model for other engines: a Playground checkpoint (.dlck) or an Images lab model (.dlm) as "
            "ONNX (opset 11; OpenCV DNN, ONNX Runtime) and/or as a PyTorch experiment that keeps training it; a "
            "Sequence lab model (.dlm) as ONNX unrolled over --steps",
            {{"onnx", Kind::Text, "the ONNX file to write (written to a temporary file, then renamed)"},
             {"pytorch", Kind::Text, "a folder for a PyTorch experiment: model.py, weights.npz, experiment.json, "
                                     "train.py (continues training; torchrun for several processes)"},
             {"steps", Kind::Number, "a Sequence lab model (.dlm): the steps its ONNX graph is unrolled over "
                                     "(inputs x_1 … x_T, outputs y_1 … y_T; default 50)"}},
            "MODEL",
            1,
            run};
}

} // namespace dlcli
