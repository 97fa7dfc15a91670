// SPDX-License-Identifier: MIT
// Test inputs that live outside the repository: the models setup links from ../shared/models, face-api's
// package from npm, Debian's darknet photos. A newcomer without them gets a skip with one sentence naming
// the missing file and where it comes from; with DL_REQUIRE_MODELS=1 (.ci/run, scripts/test.sh
// --require-models) the same is a failure, so the oracle tests cannot go green unchecked (issue 11).
#pragma once
#include <QFileInfo>
#include <QStringList>
#include <QTest>

namespace dltest {

inline bool requireModels()
{
    return qEnvironmentVariable("DL_REQUIRE_MODELS") == "1";
}

// The first of `paths` that does not exist, or an empty string.
inline QString firstMissing(const QStringList& paths)
{
    for (const QString& p : paths)
        if (p.isEmpty() || !QFileInfo::exists(p)) return p.isEmpty() ? QStringLiteral("models/") : p;
    return {};
}

} // namespace dltest

// In a test function: skips (or, with DL_REQUIRE_MODELS=1, fails) when one of PATHS is missing.
#define DL_NEEDS_FILES(PATHS, WHERE_FROM)                                                                    \
    do {                                                                                                     \
        const QString dlMissing_ = dltest::firstMissing(PATHS);                                              \
        if (!dlMissing_.isEmpty()) {                                                                         \
            const QString dlWhy_ = dlMissing_ + " is missing; it comes from " + QString(WHERE_FROM) + ".";   \
            if (dltest::requireModels()) QFAIL(qPrintable(dlWhy_ + " (DL_REQUIRE_MODELS=1: required)"));     \
            QSKIP(qPrintable(dlWhy_));                                                                       \
        }                                                                                                    \
    } while (0)

// Where each kind of file comes from, as the sentences say it.
#define DL_FROM_SHARED_MODELS                                                                                 \
    "resources/models.manifest's source (scripts/setup.sh links ../shared/models when it is beside the project, "  \
    "else scripts/fetch-models.sh fetches it; DLLAB_MODEL_MIRROR=DIR takes it from a copy)"
#define DL_FROM_FACE_API "npm's @vladmandic/face-api@1.7.15, fetched into models/face-api by scripts/setup.sh"
#define DL_FROM_DARKNET_PKG "Debian's darknet package, installed by scripts/setup.sh"
#define DL_FROM_SHARED_DATASETS                                                                               \
    "resources/models.manifest's source (scripts/setup.sh links ../shared/datasets into corpora/ when it is "      \
    "beside the project, else scripts/fetch-models.sh fetches it)"
