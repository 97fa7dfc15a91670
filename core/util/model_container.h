// SPDX-License-Identifier: MIT
// The one model-file container of the project: the Playground's checkpoint (.dlck), the Images lab's model
// (.dlm) and the next labs' models all share it. Layout (little-endian, binary_io.h):
//   magic[4] | u32 version | u32 n + n bytes JSON header | tensors | u32 k + k × u32 indices | "END!"
// Each tensor: u32 rank, rank × u32 dims, float32 data. The indices carry a shuffle (the position in an
// epoch); k = 0 when there is none. What the header holds and the order of the tensors are the format's.
// Every error names the file and says what to do.
#pragma once
#include "core/util/binary_io.h"
#include "core/util/json.h"

#include <string>
#include <vector>

namespace dl {

// What a format is: its magic, the versions this build reads, and how it is named in messages.
struct ContainerFormat {
    const char* magic;    // 4 bytes, e.g. "DLCK"
    std::uint32_t oldest; // oldest version still read
    std::uint32_t newest; // the version written
    std::string kind;     // "checkpoint": "m.dlck is checkpoint version 3; …"
    std::string notThis;  // after "<name> is not ": "a DL Visual Lab checkpoint."
};

class ContainerWriter {
  public:
    ContainerWriter(const ContainerFormat& f, const Json& header);
    void tensor(const Tensor& t) { m_w.tensor(t); }
    // The index list and the end marker; returns the file's bytes (write them with writeFileAtomic).
    std::string finish(const std::vector<int>& indices);

  private:
    BinaryWriter m_w;
};

class ContainerReader {
  public:
    // Checks magic, version and the header's JSON; throws FormatError naming `name` (a file name).
    ContainerReader(const std::string& bytes, const std::string& name, const ContainerFormat& f);
    std::uint32_t version() const { return m_version; }
    const Json& header() const { return m_header; }
    size_t tensorsAt() const { return m_tensorsAt; }
    // The next tensor, which must have t's shape ("… has shape (3, 4) but the network needs (4, 4).").
    void tensorInto(Tensor& t, const std::string& what) { m_r.tensorInto(t, what); }
    // The index list: at most `most` entries, each in [0, bound); then the end marker is checked. A format's
    // old version without an index list passes hasIndices = false.
    std::vector<int> finish(size_t most, int bound, bool hasIndices = true);
    // A header number that must be a whole number in [lo, hi]: "m.dlm is damaged: its step (2.5) is not …".
    double count(const char* key, double lo, double hi, double fallback = -1) const;
    const std::string& name() const { return m_name; }

  private:
    BinaryReader m_r;
    std::string m_name;
    std::uint32_t m_version = 0;
    Json m_header;
    size_t m_tensorsAt = 0;
};

} // namespace dl
