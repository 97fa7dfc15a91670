// SPDX-License-Identifier: MIT
#include "core/seq/char_model_file.h"

#include "core/util/file.h"
#include "core/util/model_container.h"

#include <filesystem>

namespace dl {

namespace {
const ContainerFormat kFormat{"DLSQ", 1, kCharModelVersion, "sequence-model",
                              "a DL Visual Lab sequence model; open one saved by the Sequence lab or dlcli charlm."};
} // namespace

std::string charModelBytes(CharTrainer& t)
{
    const CharModelSpec& s = t.model().spec();
    Json h = Json::object();
    h.set("cell", cellName(s.cell)).set("vocab", s.vocab).set("hidden", s.hidden).set("depth", s.depth);
    h.set("mode", corpusModeName(t.corpus().mode));
    h.set("symbols", encodeUtf8(t.vocab().symbols())).set("unk", t.vocab().hasUnk());
    h.set("step", t.steps());
    ContainerWriter w(kFormat, h);
    for (Param* p : t.model().params()) w.tensor(p->value);
    return w.finish({});
}

void saveCharModel(CharTrainer& t, const std::string& path)
{
    writeFileAtomic(path, charModelBytes(t));
}

CharModelFile charModelFromBytes(const std::string& bytes, const std::string& name)
{
    ContainerReader r(bytes, name, kFormat);
    const Json& h = r.header();
    CharModelFile f;
    try {
        const Json* unk = h.find("unk");
        f.vocab = CharVocab::fromSymbols(decodeUtf8(h.at("symbols").string("symbols"), name),
                                         unk && unk->boolean("unk"));
        f.mode = parseCorpusMode(h.at("mode").string("mode"));
        CharModelSpec s;
        s.cell = parseCell(h.at("cell").string("cell"));
        s.vocab = static_cast<int>(r.count("vocab", 2, 65536));
        s.hidden = static_cast<int>(r.count("hidden", 1, 4096));
        s.depth = static_cast<int>(r.count("depth", 1, 3));
        if (s.vocab != f.vocab.size())
            throw FormatError(name + " has a damaged header: its vocabulary has " + std::to_string(f.vocab.size()) + " symbols, its model " +
                              std::to_string(s.vocab));
        f.model = std::make_unique<CharModel>(s);
        f.steps = static_cast<long>(r.count("step", 0, 1e15, 0));
    } catch (const FormatError&) {
        throw;
    } catch (const Error& e) {
        throw FormatError(name + " has a damaged header: " + e.what());
    }
    for (Param* p : f.model->params()) r.tensorInto(p->value, p->name);
    r.finish(0, 0);
    return f;
}

CharModelFile readCharModel(const std::string& path)
{
    return charModelFromBytes(readFile(path), std::filesystem::path(path).filename().string());
}

} // namespace dl
