// SPDX-License-Identifier: MIT
// Shape of a tensor: dims outermost first (row-major). Dims: N batch, C channels, H, W, D features, K
// classes.
#pragma once
#include <string>
#include <vector>

namespace dl {

using Shape = std::vector<int>;

inline size_t shapeSize(const Shape& s)
{
    size_t n = 1;
    for (int d : s) n *= static_cast<size_t>(d);
    return n;
}

inline std::string shapeString(const Shape& s)
{
    std::string out = "(";
    for (size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
    return out + ")";
}

} // namespace dl
