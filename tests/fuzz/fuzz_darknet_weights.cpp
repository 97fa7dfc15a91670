// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as the .weights of a small fixed cfg (a conv with batch norm, a grouped conv,
// a YOLO head), then one forward pass when they load: read errors must be dl::Error, never a crash.
#include "core/detect/darknet_net.h"
#include "core/util/error.h"

#include <cstdint>
#include <string>

namespace {
const char* kCfg =
    "[net]\nwidth=16\nheight=8\nchannels=3\n"
    "[convolutional]\nbatch_normalize=1\nfilters=4\nsize=3\nstride=2\npad=1\nactivation=leaky\n"
    "[convolutional]\nfilters=4\ngroups=4\nsize=3\npad=1\nactivation=leaky\n"
    "[convolutional]\nfilters=12\nsize=1\nactivation=linear\n"
    "[yolo]\nmask=0,1\nanchors=4,4,8,8\nclasses=1\nnum=2\n";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    static dl::DarknetNet net = dl::DarknetNet::fromCfg(kCfg, "f.cfg");
    try {
        net.loadWeights(std::string(reinterpret_cast<const char*>(data), size), "f.weights");
        net.forward(dl::Tensor({1, 3, 8, 16}, 0.5f));
    } catch (const dl::Error&) {
    }
    return 0;
}
