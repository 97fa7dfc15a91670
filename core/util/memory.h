// SPDX-License-Identifier: MIT
// Process-wide allocator setting for training: keep freed tensor buffers in the heap instead of returning
// them to the kernel, so a training step does not pay first-touch page faults for buffers of the same sizes
// every time (0.41 ms per MiB here, ../shared/bench/ANCHORS.md §4). Programs call it once at start.
#pragma once

namespace dl {

void keepFreedMemory(); // glibc: mmap threshold 256 MiB, trim threshold 1 GiB; elsewhere a no-op

} // namespace dl
