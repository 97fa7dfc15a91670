// SPDX-License-Identifier: MIT
// Value types that cross the worker/GUI thread boundary in queued signals. registerMetatypes() once at start.
#pragma once
#include "widgets/detection_snapshot.h"
#include "widgets/image_snapshot.h"
#include "widgets/snapshot.h"
#include "widgets/style_snapshot.h"

#include <QMetaType>

Q_DECLARE_METATYPE(lab::Snapshot)
Q_DECLARE_METATYPE(lab::RunConfig)
Q_DECLARE_METATYPE(dl::Hyperparams)
Q_DECLARE_METATYPE(dl::Split)
Q_DECLARE_METATYPE(dl::DatasetSpec)
Q_DECLARE_METATYPE(dl::GradCheckReport)
Q_DECLARE_METATYPE(lab::ImageRunConfig)
Q_DECLARE_METATYPE(lab::ImageSnapshot)
Q_DECLARE_METATYPE(lab::Probe)
Q_DECLARE_METATYPE(lab::EvalReport)
Q_DECLARE_METATYPE(lab::Planes)
Q_DECLARE_METATYPE(dl::AugmentPipeline)
Q_DECLARE_METATYPE(lab::DetectionModel)
Q_DECLARE_METATYPE(lab::DetectionResult)
Q_DECLARE_METATYPE(lab::StyleRunConfig)
Q_DECLARE_METATYPE(lab::StyleSnapshot)
Q_DECLARE_METATYPE(lab::StylePrepared)
Q_DECLARE_METATYPE(lab::GramPair)
Q_DECLARE_METATYPE(dl::StyleWeights)

namespace lab {
void registerMetatypes();
}
