// SPDX-License-Identifier: MIT
#include "core/util/model_container.h"

#include <cmath>
#include <cstring>

namespace dl {

ContainerWriter::ContainerWriter(const ContainerFormat& f, const Json& header)
{
    m_w.bytes(f.magic, 4);
    m_w.u32(f.newest);
    m_w.str(header.dump());
}

std::string ContainerWriter::finish(const std::vector<int>& indices)
{
    m_w.u32(static_cast<std::uint32_t>(indices.size()));
    for (int i : indices) m_w.u32(static_cast<std::uint32_t>(i));
    m_w.bytes("END!", 4);
    return std::move(m_w.m_out);
}

ContainerReader::ContainerReader(const std::string& bytes, const std::string& name, const ContainerFormat& f)
    : m_r(bytes, name), m_name(name)
{
    char magic[4];
    m_r.bytes(magic, 4); // a file shorter than 4 bytes: "… is truncated …"
    if (std::memcmp(magic, f.magic, 4) != 0) throw FormatError(name + " is not " + f.notThis);
    m_version = m_r.u32();
    if (m_version < f.oldest || m_version > f.newest) {
        const std::string reads = f.oldest == f.newest
                                      ? "version " + std::to_string(f.newest)
                                      : "versions " + std::to_string(f.oldest) + " to " + std::to_string(f.newest);
        throw FormatError(name + " is " + f.kind + " version " + std::to_string(m_version) +
                          "; this build reads " + reads + ".");
    }
    const std::string header = m_r.str(); // a short file fails here with "truncated"
    m_tensorsAt = m_r.pos();
    try {
        m_header = Json::parse(header);
    } catch (const FormatError& e) {
        throw FormatError(name + " has a damaged header: " + e.what());
    }
    if (!m_header.isObject()) throw FormatError(name + " has a damaged header: it is not a JSON object.");
}

std::vector<int> ContainerReader::finish(size_t most, int bound, bool hasIndices)
{
    const std::uint32_t k = hasIndices ? m_r.u32() : 0;
    if (k > most)
        throw FormatError(m_name + " is damaged: its saved order has " + std::to_string(k) +
                          " entries, more than the " + std::to_string(most) + " it can have.");
    if (static_cast<size_t>(k) * 4 > m_r.left()) m_r.bytes(nullptr, static_cast<size_t>(k) * 4); // "truncated"
    std::vector<int> out(k);
    for (int& i : out) {
        const std::uint32_t v = m_r.u32();
        if (v >= static_cast<std::uint32_t>(bound))
            throw FormatError(m_name + " is damaged: an index of its saved order (" + std::to_string(v) +
                              ") is not below " + std::to_string(bound) + ".");
        i = static_cast<int>(v);
    }
    char end[4];
    m_r.bytes(end, 4);
    if (std::memcmp(end, "END!", 4) != 0) throw FormatError(m_name + " is damaged: the end marker is missing.");
    return out;
}

double ContainerReader::count(const char* key, double lo, double hi, double fallback) const
{
    const Json* j = m_header.find(key);
    if (!j && fallback >= 0) return fallback;
    if (!j) throw FormatError(m_name + " is damaged: its header has no \"" + key + "\".");
    // Checked in double, before any cast (a cast of an out-of-range double is undefined).
    const double v = j->isNumber() ? j->number() : std::nan("");
    if (!(v >= lo && v <= hi && v == std::floor(v)))
        throw FormatError(m_name + " is damaged: its " + key + " (" + (j->isNumber() ? numberText(v) : j->dump()) +
                          ") is not a whole number from " + numberText(lo) + " to " + numberText(hi) + ".");
    return v;
}

} // namespace dl
