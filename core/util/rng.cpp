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
    std::istringstream is(s);
    std::mt19937 e;
    is >> e;
    if (is.fail()) throw FormatError("random generator state is damaged");
    m_engine = e;
}

} // namespace dl
