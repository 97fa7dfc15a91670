// SPDX-License-Identifier: MIT
// Compiles the tests' precompiled header (tests/CMakeLists.txt); nothing else.
