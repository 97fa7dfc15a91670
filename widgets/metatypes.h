// SPDX-License-Identifier: MIT
// Value types that cross the worker/GUI thread boundary in queued signals. registerMetatypes() once at start.
#pragma once
#include "widgets/snapshot.h"

#include <QMetaType>

Q_DECLARE_METATYPE(lab::Snapshot)
Q_DECLARE_METATYPE(lab::RunConfig)
Q_DECLARE_METATYPE(dl::Hyperparams)
Q_DECLARE_METATYPE(dl::Split)
Q_DECLARE_METATYPE(dl::DatasetSpec)
Q_DECLARE_METATYPE(dl::GradCheckReport)

namespace lab {
void registerMetatypes();
}
