// SPDX-License-Identifier: MIT
#include "core/util/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace dl {

void keepFreedMemory()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

} // namespace dl
