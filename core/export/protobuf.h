// SPDX-License-Identifier: MIT
// The few protocol-buffer encodings the ONNX writer needs (the encoding spec, protobuf.dev "Encoding"):
// a field is a key varint (number << 3 | wire type) and its value — a varint (wire type 0) for integers
// and enums, 4 little-endian bytes (type 5) for a float, a length varint and the bytes (type 2) for strings,
// bytes and nested messages. Repeated fields are written one key per value (the unpacked form every
// parser reads). Qt-free, header-only.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>

namespace dl::pb {

class Message {
  public:
    void varintField(int field, std::uint64_t v) { key(field, 0), varint(v); }
    void int64Field(int field, std::int64_t v) { varintField(field, static_cast<std::uint64_t>(v)); }
    void floatField(int field, float v)
    {
        key(field, 5);
        char b[4];
        std::memcpy(b, &v, 4); // little-endian machines only (x86-64, aarch64): what the format stores
        m_bytes.append(b, 4);
    }
    void bytesField(int field, const std::string& b) { key(field, 2), varint(b.size()), m_bytes += b; }
    void bytesField(int field, const char* data, size_t n) { key(field, 2), varint(n), m_bytes.append(data, n); }
    void messageField(int field, const Message& m) { bytesField(field, m.m_bytes); }
    const std::string& bytes() const { return m_bytes; }

  private:
    void key(int field, int wire) { varint((static_cast<std::uint64_t>(field) << 3) | static_cast<std::uint64_t>(wire)); }
    void varint(std::uint64_t v)
    {
        while (v >= 0x80) m_bytes.push_back(static_cast<char>((v & 0x7F) | 0x80)), v >>= 7;
        m_bytes.push_back(static_cast<char>(v));
    }
    std::string m_bytes;
};

} // namespace dl::pb
