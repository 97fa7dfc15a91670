// SPDX-License-Identifier: MIT
// Little-endian binary writer/reader for the lab's file formats (checkpoints, image models). The reader
// names the file in every error ("model.dlm is truncated (needs 8 more bytes at offset 12); ...").
#pragma once
#include "core/tensor/tensor.h"
#include "core/util/error.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace dl {

class BinaryWriter {
  public:
    void bytes(const void* p, size_t n)
    {
        if (n > 0) m_out.append(static_cast<const char*>(p), n); // an empty tensor's data() may be null
    }
    void u32(std::uint32_t v) { bytes(&v, 4); }
    void str(const std::string& s)
    {
        u32(static_cast<std::uint32_t>(s.size()));
        bytes(s.data(), s.size());
    }
    void tensor(const Tensor& t) // u32 rank, rank × u32 dims, float32 data
    {
        u32(static_cast<std::uint32_t>(t.rank()));
        for (int d : t.shape()) u32(static_cast<std::uint32_t>(d));
        bytes(t.data(), t.size() * sizeof(float));
    }
    std::string m_out;
};

class BinaryReader {
  public:
    BinaryReader(const std::string& b, std::string name) : m_b(b), m_name(std::move(name)) {}
    void bytes(void* p, size_t n)
    {
        if (n > m_b.size() - m_pos)
            throw FormatError(m_name + " is truncated (needs " + std::to_string(n) +
                              " more bytes at offset " + std::to_string(m_pos) + "); save the model again.");
        if (n == 0) return; // an empty tensor's data() may be null, and memcpy's arguments must not be
        std::memcpy(p, m_b.data() + m_pos, n);
        m_pos += n;
    }
    std::uint32_t u32()
    {
        std::uint32_t v;
        bytes(&v, 4);
        return v;
    }
    std::string str()
    {
        std::uint32_t n = u32();
        if (n > m_b.size() - m_pos) bytes(nullptr, n); // throws "truncated"
        std::string s(m_b.data() + m_pos, n);
        m_pos += n;
        return s;
    }
    // Reads a tensor that must have `shape` (pass an empty shape to accept any rank-2 (N, 2)).
    void tensorInto(Tensor& t, const std::string& what)
    {
        std::uint32_t rank = u32();
        if (rank > 8)
            throw FormatError(m_name + " is damaged: " + what + " has rank " + std::to_string(rank) + ".");
        Shape s(rank);
        for (auto& d : s) d = static_cast<int>(u32());
        if (s != t.shape())
            throw FormatError(m_name + ": " + what + " has shape " + shapeString(s) +
                              " but the network needs " + shapeString(t.shape()) + ".");
        bytes(t.data(), t.size() * sizeof(float));
    }
    size_t pos() const { return m_pos; }
    size_t left() const { return m_b.size() - m_pos; }

  private:
    const std::string& m_b;
    std::string m_name;
    size_t m_pos = 0;
};

} // namespace dl
