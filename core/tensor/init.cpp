// SPDX-License-Identifier: MIT
#include "core/tensor/init.h"

namespace dl {

const char* initName(Init i)
{
    switch (i) {
    case Init::Zeros:
        return "zeros";
    case Init::Small:
        return "random";
    case Init::Xavier:
        return "xavier";
    case Init::He:
        return "he";
    case Init::Large:
        return "large";
    }
    return "random";
}

Init parseInit(const std::string& s)
{
    for (Init i : {Init::Zeros, Init::Small, Init::Xavier, Init::He, Init::Large})
        if (s == initName(i)) return i;
    throw ConfigError("unknown initialisation \"" + s +
                      "\"; use zeros, random (x0.01), xavier, he or large (x10)");
}

} // namespace dl
