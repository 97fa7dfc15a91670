// SPDX-License-Identifier: MIT
#include "core/util/rng.h"

#include "core/util/error.h"

#include <sstream>

namespace dl {

std::vector<int> Rng::permutation(int n)
{
    std::vector<int> p(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) p[i] = i;
    for (int i = n - 1; i > 0; --i) std::swap(p[i], p[uniformInt(0, i)]);
    return p;
}

std::string Rng::state() const
{
    std::ostringstream os;
    os << m_engine;
    return os.str();
}

void Rng::setState(const std::string& s)
{
    // The text std::mt19937's operator<< writes: its n = 624 state words, then the position in them.
    // libstdc++ reads each word into a 64-bit uint_fast32_t without masking, and a word above 2^32 - 1
    // makes the engine return numbers beyond its range (uniform_int_distribution then leaves [lo, hi]:
    // found by fuzz_image_model), so every word is checked here first.
    constexpr size_t n = std::mt19937::state_size;
    std::istringstream words(s);
    size_t count = 0;
    for (unsigned long long w = 0; words >> w; ++count)
        if (w > 0xffffffffULL || (count == n && w > n))
            throw FormatError("random generator state is damaged (a value out of range)");
    if (!words.eof() || count != n + 1) throw FormatError("random generator state is damaged");
    std::istringstream is(s);
    std::mt19937 e;
    is >> e;
    if (is.fail()) throw FormatError("random generator state is damaged");
    m_engine = e;
}

} // namespace dl
