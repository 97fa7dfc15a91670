// SPDX-License-Identifier: MIT
// Error types thrown by the core. The core throws, never prints, never exits; programs decide how to show it.
#pragma once
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace dl {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
class ShapeError : public Error {
  public:
    using Error::Error;
};
class IoError : public Error {
  public:
    using Error::Error;
};
class FormatError : public Error {
  public:
    using Error::Error;
};
class ConfigError : public Error {
  public:
    using Error::Error;
};
// A problem in user data; what() already names file and line ("pts.csv, line 17: ...").
class DataError : public Error {
  public:
    DataError(const std::string& file, int line, const std::string& msg);
    std::string file;
    int line = 0;
};

// "name, line N: " (or "name: " when line ≤ 0), the file's name without folders: how every message about
// a user's file starts (DataError, the darknet cfg reader).
std::string fileLinePrefix(const std::string& file, int line);

// A number as a message shows it: "-1", "2.5", "1e+300" (%.6g).
std::string numberText(double v);

// A number read from a file (JSON numbers are doubles) that must be a whole number an I can hold: casting
// any other double to an integer is undefined behaviour (C++ [conv.fpint]). Throws FormatError naming
// `what`; range checks of the value's meaning stay with the caller.
template <typename I>
I wholeNumber(double v, const std::string& what)
{
    static_assert(std::is_integral_v<I>);
    // Both bounds exact in double: one past the highest is 2^digits, the lowest 0 or -2^digits.
    const double past = std::ldexp(1.0, std::numeric_limits<I>::digits);
    const double lo = std::numeric_limits<I>::is_signed ? -past : 0.0;
    if (!(v >= lo && v < past) || v != std::floor(v))
        throw FormatError(what + " must be a whole number from " + numberText(lo) + " to " +
                          numberText(past - 1) + " (it is " + numberText(v) + ")");
    return static_cast<I>(v);
}

[[noreturn]] void throwCheck(const char* file, int line, const std::string& msg);

} // namespace dl

// Always-on precondition check: throws dl::Error naming file:line.
#define DL_CHECK(cond, msg)                                                                                  \
    do {                                                                                                     \
        if (!(cond)) ::dl::throwCheck(__FILE__, __LINE__, (msg));                                            \
    } while (0)
