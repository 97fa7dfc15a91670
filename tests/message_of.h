// SPDX-License-Identifier: MIT
// The sentence a call throws, for tests of bad input ("" when it throws nothing).
#pragma once
#include <QString>
#include <exception>

namespace dltest {

template <typename F>
QString messageOf(F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace dltest
