// SPDX-License-Identifier: MIT
#include "core/faces/face_db.h"

#include "core/util/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cmath>

namespace dl {

namespace {
constexpr const char* kFormat = "dl-face-db";
} // namespace

FacePerson* FaceDb::find(const std::string& name)
{
    for (FacePerson& p : people)
        if (p.name == name) return &p;
    return nullptr;
}

void FaceDb::add(const std::string& name, const FaceEntry& e)
{
    FacePerson* p = find(name);
    if (!p) {
        people.push_back({name, {}});
        p = &people.back();
    }
    p->faces.push_back(e);
}

size_t FaceDb::faceCount() const
{
    size_t n = 0;
    for (const FacePerson& p : people) n += p.faces.size();
    return n;
}

Json faceDbJson(const FaceDb& db)
{
    Json people = Json::array();
    for (const FacePerson& p : db.people) {
        Json faces = Json::array();
        for (const FaceEntry& e : p.faces) {
            Json d = Json::array();
            for (float v : e.descriptor) d.push(static_cast<double>(v)); // as computed: reopening gives the same
            Json f = Json::object();
            f.set("source", e.source).set("descriptor", std::move(d));
            faces.push(std::move(f));
        }
        Json o = Json::object();
        o.set("name", p.name).set("faces", std::move(faces));
        people.push(std::move(o));
    }
    Json j = Json::object();
    j.set("format", kFormat).set("version", 1).set("model", "face-api face_recognition_model (dlib ResNet, 128-D)");
    j.set("people", std::move(people));
    return j;
}

FaceDb parseFaceDb(const std::string& text, const std::string& file)
{
    Json j;
    try {
        j = Json::parse(text);
    } catch (const FormatError&) {
        throw FormatError(file + " is not a face database (not JSON); save one with the Faces lab or dlcli faces --enroll.");
    }
    auto bad = [&](const std::string& what) { return FormatError(file + ": " + what + "."); };
    if (!j.isObject() || j.get("format", std::string()) != kFormat)
        throw FormatError(file + " is not a face database (its \"format\" is not \"" + kFormat + "\").");
    if (j.get("version", 0.0) != 1) throw bad("this face database is of a version this build cannot read");
    const Json* people = j.find("people");
    if (!people || !people->isArray()) throw bad("\"people\" must be a list");
    FaceDb db;
    for (size_t i = 0; i < people->size(); ++i) {
        const Json& p = (*people)[i];
        const Json* name = p.isObject() ? p.find("name") : nullptr;
        if (!name || !name->isString() || name->string().empty())
            throw bad("person " + std::to_string(i + 1) + " has no name");
        if (db.find(name->string())) throw bad("the name \"" + name->string() + "\" appears twice");
        const Json* faces = p.find("faces");
        if (!faces || !faces->isArray()) throw bad("\"" + name->string() + "\" has no list of faces");
        FacePerson person{name->string(), {}};
        for (size_t k = 0; k < faces->size(); ++k) {
            const Json& f = (*faces)[k];
            const Json* d = f.isObject() ? f.find("descriptor") : nullptr;
            const std::string where = "face " + std::to_string(k + 1) + " of \"" + person.name + "\"";
            if (!d || !d->isArray() || d->size() != static_cast<size_t>(kFaceDescriptorSize))
                throw bad(where + " is not 128 numbers");
            FaceEntry e;
            e.source = f.get("source", std::string());
            for (int c = 0; c < kFaceDescriptorSize; ++c) {
                const Json& v = (*d)[static_cast<size_t>(c)];
                if (!v.isNumber() || !std::isfinite(v.number()) || std::fabs(v.number()) > 1e6)
                    throw bad(where + " has a value that is not a number");
                e.descriptor[static_cast<size_t>(c)] = static_cast<float>(v.number());
            }
            person.faces.push_back(e);
        }
        db.people.push_back(std::move(person));
    }
    return db;
}

std::vector<FaceMatch> rankPeople(const FaceDb& db, const FaceDescriptor& q)
{
    std::vector<FaceMatch> out;
    for (const FacePerson& p : db.people) {
        if (p.faces.empty()) continue;
        double sum = 0; // face-api FaceMatcher.computeMeanDistance
        for (const FaceEntry& e : p.faces) sum += faceDistance(e.descriptor, q);
        out.push_back({p.name, sum / static_cast<double>(p.faces.size())});
    }
    std::stable_sort(out.begin(), out.end(), [](const FaceMatch& a, const FaceMatch& b) { return a.distance < b.distance; });
    return out;
}

std::string recognise(const FaceDb& db, const FaceDescriptor& q, double tau, double* distance)
{
    const std::vector<FaceMatch> r = rankPeople(db, q);
    if (distance) *distance = r.empty() ? -1 : r.front().distance;
    return !r.empty() && r.front().distance <= tau ? r.front().name : "unknown";
}

bool isPhotoFileName(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* e : {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
        if (ext == e) return true;
    return false;
}

std::vector<PersonPhotos> listPeopleFolder(const std::string& dir)
{
    namespace fs = std::filesystem;
    const std::string layout = "one folder per person (" + dir + "/<name>/*.jpg)";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw ConfigError(dir + " is not a folder; enrolling wants " + layout);
    std::vector<PersonPhotos> people;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_directory()) continue;
        PersonPhotos p{e.path().filename().string(), {}};
        for (const auto& f : fs::directory_iterator(e.path(), ec))
            if (f.is_regular_file() && isPhotoFileName(f.path().string())) p.photos.push_back(f.path().string());
        std::sort(p.photos.begin(), p.photos.end());
        if (!p.photos.empty()) people.push_back(std::move(p));
    }
    std::sort(people.begin(), people.end(), [](const PersonPhotos& a, const PersonPhotos& b) { return a.name < b.name; });
    if (people.empty()) throw ConfigError("no photos of anyone in " + dir + "; enrolling wants " + layout);
    return people;
}

} // namespace dl
