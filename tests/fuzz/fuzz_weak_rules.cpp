// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a weak-rules file (core/label/weak_rules.h), then voted on a pool of four
// 28×28 pictures made from the same bytes. Every vote is a class or none; counts add up.
#include "core/data/image_set.h"
#include "core/label/weak_rules.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const std::string text = fuzz::text(data, size);
        const auto rules = dl::parseRules(text, dl::fashionMnistClasses(), "rules.txt");
        dl::LabelData d;
        d.classNames = dl::fashionMnistClasses();
        d.poolX = dl::Tensor({784, 4});
        for (size_t i = 0; i < d.poolX.size() && !text.empty(); ++i) d.poolX[i] = float(std::uint8_t(text[i % text.size()])) / 255.f;
        d.poolTruth = {0, 1, 2, 3};
        dl::Tensor prob({10, 4}, 0.1f);
        const dl::WeakLabels w = dl::applyRules(rules, d, &prob);
        if (w.label.size() != 4 || w.covered > 4 || w.labelled > w.covered || w.rules.size() != rules.size()) __builtin_trap();
        for (int l : w.label)
            if (l < -1 || l >= 10) __builtin_trap();
    });
}
