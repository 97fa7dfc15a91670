// SPDX-License-Identifier: MIT
// The Faces lab headless (COURSE.md §9): every face of each photo with its box, 68 landmarks and 128-D
// descriptor (core/faces/face_pipeline.h), or --compare: verification of two photos' faces, d ≤ τ.
#include "app/labs/faces/cli.h"

#include "core/faces/face_pipeline.h"
#include "core/models/model_files.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

int faces(const Args& a)
{
    const double tau = a.num("threshold", dl::kFaceThreshold);
    if (!(tau > 0 && tau < 10)) throw UsageError("--threshold must be a distance between 0 and 10");
    const std::string model = a.str("model", "tiny");
    if (model != "tiny") throw UsageError("--model must be tiny (SSD MobileNet is not in this build yet), not " + model);
    const bool compare = a.has("compare");
    if (compare && a.positional.size() != 2) throw UsageError("--compare needs two photos: A B");
    const std::string exeDir = std::filesystem::path(a.program).parent_path().string();
    dl::FacePipeline pipe = dl::FacePipeline::open(dl::findModelsDir(a.str("models", ""), exeDir));
    std::vector<std::vector<dl::FaceResult>> found;
    for (const std::string& path : a.positional) {
        const dl::Photo photo = dl::loadPhoto(path);
        found.push_back(pipe.run(photo));
        if (compare) {
            if (found.back().empty())
                throw std::runtime_error("no face found in " + path + "; --compare needs a face in each photo");
            continue;
        }
        if (a.has("json")) {
            std::cout << dl::facesJson(path, photo, found.back()).dump() << std::endl;
            continue;
        }
        if (found.back().empty()) std::printf("%s: no face found\n", path.c_str());
        for (const dl::FaceResult& f : found.back())
            std::printf("%s: face %.2f at [%.0f %.0f %.0f %.0f], descriptor |f| = %.3f\n", path.c_str(), f.score, f.box.x,
                        f.box.y, f.box.w, f.box.h, dl::faceDistance(f.descriptor, dl::FaceDescriptor{}));
    }
    if (!compare) return 0;
    // The best-scoring face of each photo (COURSE.md §9: verification is d(img1, img2) ≤ τ).
    const double d = dl::faceDistance(found[0].front().descriptor, found[1].front().descriptor);
    const bool same = d <= tau;
    if (a.has("json")) {
        dl::Json j = dl::Json::object();
        j.set("a", a.positional[0]).set("b", a.positional[1]).set("distance", d).set("threshold", tau);
        j.set("same_person", same);
        std::cout << j.dump() << std::endl;
    } else {
        std::printf("distance %.4f %s %.2f: %s\n", d, same ? "<=" : ">", tau, same ? "the same person" : "different people");
    }
    return 0;
}

} // namespace

std::vector<dlcli::Command> facesCommands()
{
    return {
        {"faces",
         "every face in each PHOTO with its box, 68 landmarks and 128-D descriptor (face-api's models); "
         "--compare A B: the distance of their faces and the verdict",
         {{"model", Kind::Text, "face detector: tiny (tiny)"},
          {"compare", Kind::Flag, "verification: the best face of photo A against that of photo B"},
          {"threshold", Kind::Number, "τ: the same person when the distance is at most this (0.6)"},
          dlcli::modelsOption()},
         "PHOTO...",
         1,
         faces},
    };
}
