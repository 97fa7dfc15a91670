// SPDX-License-Identifier: MIT
// JSON forms of the playground's descriptions (network, dataset recipe, points), shared by checkpoints and
// experiment files so both spell every key the same way.
#pragma once
#include "core/data/synthetic.h"
#include "core/layers/registry.h"
#include "core/util/json.h"

namespace dl {

Json toJson(const ModelSpec& s);
ModelSpec modelSpecFromJson(const Json& j); // throws ConfigError/FormatError
Json toJson(const DatasetSpec& s);
DatasetSpec datasetSpecFromJson(const Json& j);
Json toJson(const Dataset2D& d);          // {"classes": K, "points": [[x, y, label], ...]}
Dataset2D datasetFromJson(const Json& j); // checks labels and finiteness

} // namespace dl
