// SPDX-License-Identifier: MIT
#include "core/util/cancel.h"

namespace dl {

namespace {
thread_local const CancelFlag* t_flags[2] = {nullptr, nullptr};
}

CancelScope::CancelScope(const CancelFlag* a, const CancelFlag* b) : m_previous{t_flags[0], t_flags[1]}
{
    t_flags[0] = a;
    t_flags[1] = b;
}
CancelScope::~CancelScope()
{
    t_flags[0] = m_previous[0];
    t_flags[1] = m_previous[1];
}

void checkCancelled()
{
    for (const CancelFlag* f : t_flags)
        if (f && f->requested()) throw Cancelled();
}

CancelFlags currentCancelFlags()
{
    return {t_flags[0], t_flags[1]};
}

} // namespace dl
