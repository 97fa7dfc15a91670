// SPDX-License-Identifier: MIT
// The Faces lab headless (COURSE.md §9): every face of each photo with its box, 68 landmarks and 128-D
// descriptor (core/faces/face_pipeline.h); --compare: verification of two photos' faces, d ≤ τ; --enroll /
// --db: recognition against a database of named people (core/faces/face_db.h).
#include "app/labs/faces/cli.h"

#include "core/faces/face_db.h"
#include "core/faces/face_pipeline.h"
#include "core/models/model_files.h"
#include "core/util/error.h"
#include "core/util/file.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// --enroll DIR: DIR/<name>/<photos>, the best face of each photo under that name. A photo that cannot be
// read or shows no face is one line on stderr and is skipped.
dl::FaceDb enroll(dl::FacePipeline& pipe, const std::string& dir)
{
    dl::FaceDb db;
    for (const dl::PersonPhotos& person : dl::listPeopleFolder(dir))
        for (const std::string& p : person.photos) {
            try {
                const std::vector<dl::FaceResult> f = pipe.run(dl::loadPhoto(p));
                if (f.empty()) {
                    std::fprintf(stderr, "dlcli: %s: no face found; skipped\n", p.c_str());
                    continue;
                }
                db.add(person.name, {p, f.front().descriptor});
            } catch (const dl::Error& e) {
                std::fprintf(stderr, "dlcli: %s; skipped\n", e.what());
            }
        }
    if (db.people.empty())
        throw std::runtime_error("no face of anyone in " + dir + "; --enroll wants one folder per person (" + dir +
                                 "/<name>/*.jpg) with photos that show the face");
    return db;
}

dl::Json withNames(dl::Json photo, const std::vector<dl::FaceResult>& found, const dl::FaceDb& db, double tau)
{
    dl::Json faces = dl::Json::array();
    const dl::Json& given = *photo.find("faces");
    for (size_t i = 0; i < found.size(); ++i) {
        dl::Json f = given[i];
        dl::Json ranked = dl::Json::array();
        for (const dl::FaceMatch& m : dl::rankPeople(db, found[i].descriptor)) {
            dl::Json o = dl::Json::object();
            o.set("name", m.name).set("distance", std::round(m.distance * 1e4) / 1e4);
            ranked.push(std::move(o));
        }
        f.set("name", dl::recognise(db, found[i].descriptor, tau)).set("distances", std::move(ranked));
        faces.push(std::move(f));
    }
    photo.set("faces", std::move(faces));
    return photo;
}

// --repeat N (bench/faces_vs_faceapi.sh): per photo, decoded once, one untimed pass, then N timed passes of
// the whole pipeline (detector, landmarks, descriptors); the median, as face-api's side times the same steps.
int timePipeline(dl::FacePipeline& pipe, const Args& a, int repeat)
{
    for (const std::string& path : a.positional) {
        const dl::Photo photo = dl::loadPhoto(path);
        const size_t faces = pipe.run(photo).size();
        std::vector<double> seconds;
        for (int r = 0; r < repeat; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            pipe.run(photo);
            seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        std::nth_element(seconds.begin(), seconds.begin() + repeat / 2, seconds.end());
        const double median = seconds[static_cast<size_t>(repeat / 2)];
        if (a.has("json")) {
            dl::Json j = dl::Json::object();
            j.set("image", path).set("faces", static_cast<int>(faces)).set("median_seconds", median);
            std::cout << j.dump() << std::endl;
        } else {
            std::printf("%s: %zu face(s), %.1f ms a pass (median of %d)\n", path.c_str(), faces, median * 1e3, repeat);
        }
    }
    return 0;
}

int faces(const Args& a)
{
    const double tau = a.num("threshold", dl::kFaceThreshold);
    if (!(tau > 0 && tau < 10)) throw UsageError("--threshold must be a distance between 0 and 10");
    dl::FaceDetectorKind detector{};
    if (!dl::parseFaceDetector(a.str("model", "tiny"), detector))
        throw UsageError("--model must be tiny (face-api's tiny face detector) or ssd (SSD MobileNet v1), not " +
                         a.str("model", "tiny"));
    const bool compare = a.has("compare");
    if (compare && a.positional.size() != 2) throw UsageError("--compare needs two photos: A B");
    if (a.positional.empty() && !a.has("enroll")) throw UsageError("faces needs a PHOTO (or --enroll DIR)");
    if (a.has("save") && !a.has("enroll")) throw UsageError("--save writes the database --enroll DIR makes");
    const double repeat = a.num("repeat", 0);
    if (!(repeat >= 0 && repeat <= 10000 && repeat == std::floor(repeat)))
        throw UsageError("--repeat must be a whole number of passes from 1 to 10000");
    if (repeat > 0 && (compare || a.has("enroll") || a.has("db") || a.positional.empty()))
        throw UsageError("--repeat times the pipeline on PHOTO...; it does not go with --compare, --enroll or --db");
    dl::FaceDb db;
    const bool named = a.has("db");
    if (named) db = dl::parseFaceDb(dl::readFile(a.str("db", "")), a.str("db", ""));
    const std::string exeDir = std::filesystem::path(a.program).parent_path().string();
    dl::FacePipeline pipe = dl::FacePipeline::open(dl::findModelsDir(a.str("models", ""), exeDir), detector);
    if (repeat > 0) return timePipeline(pipe, a, static_cast<int>(repeat));
    if (a.has("enroll")) {
        db = enroll(pipe, a.str("enroll", ""));
        if (a.has("save")) dl::writeFileAtomic(a.str("save", ""), dl::faceDbJson(db).dump() + "\n");
        if (a.positional.empty()) {
            if (a.has("json") && !a.has("save")) std::cout << dl::faceDbJson(db).dump() << std::endl;
            for (const dl::FacePerson& p : db.people)
                std::fprintf(a.has("json") ? stderr : stdout, "%s: %zu face(s)\n", p.name.c_str(), p.faces.size());
            return 0;
        }
    }
    std::vector<std::vector<dl::FaceResult>> found;
    for (const std::string& path : a.positional) {
        const dl::Photo photo = dl::loadPhoto(path);
        found.push_back(pipe.run(photo));
        if (compare) {
            if (found.back().empty())
                throw std::runtime_error("no face found in " + path + "; --compare needs a face in each photo");
            continue;
        }
        const bool recognising = named || a.has("enroll");
        if (a.has("json")) {
            dl::Json j = dl::facesJson(path, photo, found.back());
            std::cout << (recognising ? withNames(std::move(j), found.back(), db, tau) : j).dump() << std::endl;
            continue;
        }
        if (found.back().empty()) std::printf("%s: no face found\n", path.c_str());
        for (const dl::FaceResult& f : found.back()) {
            std::printf("%s: face %.2f at [%.0f %.0f %.0f %.0f]", path.c_str(), f.score, f.box.x, f.box.y, f.box.w, f.box.h);
            if (recognising) {
                double d = 0;
                const std::string who = dl::recognise(db, f.descriptor, tau, &d);
                std::printf(": %s (nearest at %.3f)\n", who.c_str(), d);
            } else {
                std::printf(", descriptor |f| = %.3f\n", dl::faceDistance(f.descriptor, dl::FaceDescriptor{}));
            }
        }
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
         {{"model", Kind::Text, "face detector: tiny (416², fast) or ssd (SSD MobileNet v1, 512², finds more) (tiny)"},
          {"compare", Kind::Flag, "verification: the best face of photo A against that of photo B"},
          {"threshold", Kind::Number, "τ: the same person when the distance is at most this (0.6)"},
          {"enroll", Kind::Text, "DIR: a database of DIR/<name>/<photos>, the best face of each photo"},
          {"save", Kind::Text, "write the --enroll database to this JSON file"},
          {"db", Kind::Text, "recognise each face against this database (nearest person or unknown)"},
          {"repeat", Kind::Number, "time the whole pipeline N times per photo (after one untimed pass); the median"},
          dlcli::modelsOption()},
         "PHOTO...",
         0,
         faces},
        tripletCommand(),
    };
}
