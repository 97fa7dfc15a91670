// SPDX-License-Identifier: MIT
// The core's texts in the GUI's language. The core (Qt-free) writes English: study titles, axes, table
// headers and notes, strategy and schedule names, the search's parameters, the Playground's presets; the
// GUI passes what it shows of them through coreText(), which finds the text in widgets/core_texts.cpp's list
// (exactly, or as a template whose numbers it keeps) and answers it in the current language. A text not in
// the list stays English.
#pragma once
#include "core/optim/schedule.h"

#include <QString>

#include <string>

namespace lab {

QString coreText(const std::string& english);
// A learning-rate decay by its name in the GUI's language (dl::decayName is the CLI's: "step" would read
// as a training step).
QString decayTitle(dl::Decay d);

} // namespace lab
