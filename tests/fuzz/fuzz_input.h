// SPDX-License-Identifier: MIT
// What every libFuzzer target shares: the input as a string, and the rule that a parser either returns or
// throws dl::Error (anything else, a crash, a sanitizer report or a hang is a finding).
#pragma once
#include "core/util/error.h"

#include <cstdint>
#include <string>

namespace fuzz {
inline std::string text(const std::uint8_t* data, size_t size)
{
    return std::string(reinterpret_cast<const char*>(data), size);
}
// Runs f(); a dl::Error is the expected answer to bad input.
template <class F> int expectErrorOrResult(F&& f)
{
    try {
        f();
    } catch (const dl::Error&) {
    }
    return 0;
}
} // namespace fuzz
