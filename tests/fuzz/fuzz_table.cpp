// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a CSV table (core/data/table.h) and then cleaned (core/data/clean.h) with a
// pattern and a range on its first column. Written back, a table reads back the same; the cleaned copy never
// has more rows than the table; every problem names a row and a column that exist.
#include "core/data/clean.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::Table t = dl::parseTable(fuzz::text(data, size), "f.csv");
        const dl::Table back = dl::parseTable(dl::writeTable(t), "f.csv");
        if (back.columns != t.columns || back.rows != t.rows) __builtin_trap();
        if (t.columns.empty()) return;
        dl::CleanOptions o;
        o.rules.push_back({t.columns[0], std::nullopt, -10.0, 1e6, "[A-Za-z ]*\\d?", {}});
        const dl::CleanReport r = dl::inspectTable(t, o);
        for (const dl::Problem& p : r.problems)
            if (p.row < 1 || p.row > int(t.rows.size()) || p.column >= t.width()) __builtin_trap();
        const dl::FixResult f = dl::applyFixes(t, r);
        if (f.cleaned.rows.size() + size_t(f.dropped) != t.rows.size()) __builtin_trap();
    });
}
