// SPDX-License-Identifier: MIT
// `dllab --bench-gui LAB [--bench-seconds N]` (bench/busy_machine.sh): the lab trains at full speed in the
// real window while a 10 ms timer measures how late the GUI thread handles its events; then dlcli does the
// same work headless. Prints one JSON line: lab, latency median / p99 in ms, the lab's and dlcli's speed.
#pragma once
#include <QString>

class QApplication;
namespace lab {
class MainWindow;
}

int benchGui(QApplication& app, lab::MainWindow& w, const QString& lab, int seconds);
