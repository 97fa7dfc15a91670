// SPDX-License-Identifier: MIT
#include "widgets/handover.h"

namespace lab {

std::recursive_mutex& handOverMutex()
{
    static std::recursive_mutex m;
    return m;
}

} // namespace lab
