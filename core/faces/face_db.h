// SPDX-License-Identifier: MIT
// Recognition (1:K, COURSE.md §9): a small database of named people, each with the encodings of one or more
// of their photos, computed once and kept in a JSON file the user can save and reopen; a new face gets the
// nearest person or "unknown". Nearest as face-api's FaceMatcher: the mean Euclidean distance to a person's
// encodings; a match when that distance is at most τ (verification's d ≤ τ). Qt-free.
#pragma once
#include "core/faces/face_recognition.h"
#include "core/util/json.h"

#include <string>
#include <vector>

namespace dl {

struct FaceEntry {
    std::string source; // the photo it came from
    FaceDescriptor descriptor{};
};

struct FacePerson {
    std::string name;
    std::vector<FaceEntry> faces;
};

struct FaceDb {
    std::vector<FacePerson> people;
    FacePerson* find(const std::string& name);
    void add(const std::string& name, const FaceEntry& e); // a new name makes a new person
    size_t faceCount() const;
};

// {"format": "dl-face-db", "version": 1, "model": "face-api face_recognition_model (dlib ResNet, 128-D)",
//  "people": [{"name": ..., "faces": [{"source": ..., "descriptor": [128 numbers]}]}]}
Json faceDbJson(const FaceDb& db);
// FormatError with one sentence naming `file` (not JSON, another format, a person without a name, a
// descriptor that is not 128 finite numbers, a duplicate name).
FaceDb parseFaceDb(const std::string& text, const std::string& file);

struct FaceMatch {
    std::string name;    // the person's
    double distance = 0; // mean distance to their faces
};
// Every person by mean distance, nearest first (empty for an empty database).
std::vector<FaceMatch> rankPeople(const FaceDb& db, const FaceDescriptor& q);
// The nearest person's name, or "unknown" when the database is empty or the nearest is farther than tau.
std::string recognise(const FaceDb& db, const FaceDescriptor& q, double tau, double* distance = nullptr);

// A folder of people to enrol: DIR/<name>/<photos> (jpg, jpeg, png, bmp, webp, tif, tiff; any case), people
// and photos sorted by name; folders without photos are left out. ConfigError when DIR is not a folder or
// holds no person's photo, saying the layout it wants.
struct PersonPhotos {
    std::string name;
    std::vector<std::string> photos;
};
std::vector<PersonPhotos> listPeopleFolder(const std::string& dir);
bool isPhotoFileName(const std::string& path);

} // namespace dl
