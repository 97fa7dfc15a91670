// SPDX-License-Identifier: MIT
// The lab registry: the labs the main window shows, in sidebar order. Adding a lab is its folder under
// app/labs/<lab>/ and one line in app/labs.cpp (docs/ADDING_A_LAB.md).
#pragma once
#include <vector>

namespace lab {

class LabPage;
std::vector<LabPage*> makeLabs(); // new pages, without parent (the window takes them)

} // namespace lab
