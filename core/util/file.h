// SPDX-License-Identifier: MIT
// Whole-file read and crash-safe write (temporary file in the same folder, then rename).
#pragma once
#include <string>

namespace dl {

std::string readFile(const std::string& path); // throws IoError "cannot open …: <reason>"
// Writes `path.tmp-XXXX`, flushes, renames over `path`; on failure removes the temporary and throws IoError,
// leaving any existing `path` untouched.
void writeFileAtomic(const std::string& path, const std::string& bytes);
// Creates `folder` (and its parents) for the files of `what` ("the PyTorch experiment"); IoError in one
// sentence when the path is a file or cannot be created.
void makeFolder(const std::string& folder, const std::string& what);

} // namespace dl
