// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as the .weights of one of three small fixed cfgs (the first byte picks it: a
// conv with batch norm, a grouped conv and a YOLO head; max-pools, route with groups, upsample, shortcut and
// a region head; a 1×1-only net), then one forward pass when they load: read errors must be dl::Error.
#include "core/models/darknet_net.h"
#include "fuzz_input.h"

namespace {
const char* kCfgs[] = {
    ("[net]\nwidth=16\nheight=8\nchannels=3\n"
     "[convolutional]\nbatch_normalize=1\nfilters=4\nsize=3\nstride=2\npad=1\nactivation=leaky\n"
     "[convolutional]\nfilters=4\ngroups=4\nsize=3\npad=1\nactivation=leaky\n"
     "[convolutional]\nfilters=12\nsize=1\nactivation=linear\n"
     "[yolo]\nmask=0,1\nanchors=4,4,8,8\nclasses=1\nnum=2\n"),
    ("[net]\nwidth=16\nheight=16\nchannels=3\n"
     "[convolutional]\nbatch_normalize=1\nfilters=8\nsize=3\npad=1\nactivation=leaky\n"
     "[maxpool]\nsize=2\nstride=2\n"
     "[route]\nlayers=-1\ngroups=2\ngroup_id=1\n"
     "[convolutional]\nfilters=4\nsize=3\npad=1\nactivation=leaky\n"
     "[shortcut]\nfrom=-2\nactivation=linear\n"
     "[maxpool]\nsize=2\nstride=1\n"
     "[upsample]\nstride=2\n"
     "[convolutional]\nfilters=14\nsize=1\nactivation=linear\n"
     "[region]\nanchors=1,1,2,2\nclasses=2\nnum=2\ncoords=4\n"),
    ("[net]\nwidth=4\nheight=4\nchannels=1\n"
     "[convolutional]\nfilters=2\nsize=1\nactivation=relu\n"),
};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    static dl::DarknetNet nets[] = {dl::DarknetNet::fromCfg(kCfgs[0], "a.cfg"),
                                    dl::DarknetNet::fromCfg(kCfgs[1], "b.cfg"),
                                    dl::DarknetNet::fromCfg(kCfgs[2], "c.cfg")};
    if (size == 0) return 0;
    dl::DarknetNet& net = nets[data[0] % 3];
    return fuzz::expectErrorOrResult([&] {
        net.loadWeights(fuzz::text(data + 1, size - 1), "f.weights");
        (void)net.forward(dl::Tensor({1, net.inputC(), net.inputH(), net.inputW()}, 0.5f));
    });
}
