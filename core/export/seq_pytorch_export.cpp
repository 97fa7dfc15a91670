// SPDX-License-Identifier: MIT
#include "core/export/seq_pytorch_export.h"

#include "core/export/npz.h"
#include "core/util/error.h"
#include "core/util/file.h"
#include "core/util/json.h"

#include <filesystem>

namespace dl {

namespace {

// model.py: the course's cells (COURSE.md §11) by hand, on our layout W = [W_a | W_x] (G·n rows: RNN a; GRU
// c̃, Γu, Γr; LSTM c̃, Γu, Γf, Γo), so weights.npz is our parameters as they are.
const char* const kModelPy = R"py(# The Sequence lab's character model, exported by DL Visual Lab (dlcli export --pytorch).
# The course's cells written out (COURSE.md 11); torch.nn.GRU applies the reset gate after the product
# with W_c, the course before it, so torch's GRU would compute something else.
import json, os
import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
GATES = {"rnn": 1, "gru": 3, "lstm": 4}


class CourseCell(nn.Module):
    """One recurrent layer: W = [W_a | W_x] of shape (G n, n + inputs), b of shape (G n)."""

    def __init__(self, kind, inputs, hidden):
        super().__init__()
        self.kind, self.n = kind, hidden
        self.W = nn.Parameter(torch.zeros(GATES[kind] * hidden, hidden + inputs))
        self.b = nn.Parameter(torch.zeros(GATES[kind] * hidden))

    def forward(self, x, a, c):
        n, Wa, Wx = self.n, self.W[:, :self.n], self.W[:, self.n:]
        zx = x @ Wx.T + self.b
        if self.kind == "rnn":  # a = tanh(Waa a + Wax x + b)
            a = torch.tanh(zx + a @ Wa.T)
            return a, a
        if self.kind == "gru":  # c = a; rows c~, u, r
            u = torch.sigmoid(zx[:, n:2 * n] + c @ Wa[n:2 * n].T)
            r = torch.sigmoid(zx[:, 2 * n:] + c @ Wa[2 * n:].T)
            ct = torch.tanh(zx[:, :n] + (r * c) @ Wa[:n].T)
            c = u * ct + (1 - u) * c
            return c, c
        z = zx + a @ Wa.T  # lstm: rows c~, u, f, o
        ct, u, f, o = torch.tanh(z[:, :n]), torch.sigmoid(z[:, n:2 * n]), torch.sigmoid(z[:, 2 * n:3 * n]), torch.sigmoid(z[:, 3 * n:])
        c = u * ct + f * c
        return o * torch.tanh(c), c


class CharModel(nn.Module):
    """ids (T, N), -1 for the zero vector (the course's x<1> = 0) -> logits (T, N, V); the state starts at zero."""

    def __init__(self, cell, vocab, hidden, depth):
        super().__init__()
        self.vocab, self.hidden = vocab, hidden
        self.layers = nn.ModuleList([CourseCell(cell, vocab if l == 0 else hidden, hidden) for l in range(depth)])
        self.Wy = nn.Parameter(torch.zeros(vocab, hidden))
        self.by = nn.Parameter(torch.zeros(vocab))

    def forward(self, ids):
        T, N = ids.shape
        x = torch.zeros(T, N, self.vocab, device=ids.device)
        known = ids >= 0
        x[known] = nn.functional.one_hot(ids[known], self.vocab).float()
        state = [(torch.zeros(N, self.hidden, device=ids.device),) * 2 for _ in self.layers]
        out = []
        for t in range(T):
            h = x[t]
            for l, layer in enumerate(self.layers):
                h, c = layer(h, *state[l])
                state[l] = (h, c)
            out.append(h @ self.Wy.T + self.by)
        return torch.stack(out)


def load():
    """The exported model with its trained weights."""
    with open(os.path.join(HERE, "experiment.json")) as f:
        e = json.load(f)
    m = CharModel(e["cell"], e["vocab"], e["hidden"], e["depth"])
    with np.load(os.path.join(HERE, "weights.npz")) as w:
        m.load_state_dict({k: torch.from_numpy(w[k]) for k in w.files})
    return m
)py";

// train.py: continues training on a text with the course's loss and clipping.
const char* const kTrainPy = R"py(# Continues training the exported Sequence lab model on a UTF-8 text (COURSE.md 11): one line an example
# (x<1> = 0, then the line's characters, each predicting the next, the last the newline), or windows of
# running text. One process, or DistributedDataParallel under torchrun (gloo on CPUs):
#   python3 train.py --text corpora/dinosaurs/dinos.txt --steps 2000
#   torchrun --redirects 1 --tee 1 --nproc_per_node=2 train.py --text ... (Debian's torch 1.13: --redirects 1)
import argparse, json, os, random, sys
import torch
import torch.distributed as dist
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import model as exported


def main():
    with open(os.path.join(HERE, "experiment.json")) as f:
        e = json.load(f)
    p = argparse.ArgumentParser(description="Continue training the exported character model.")
    p.add_argument("--text", required=True, help="the UTF-8 text to learn (the lab's corpus, or another)")
    p.add_argument("--steps", type=int, default=1000, help="training steps (1000)")
    p.add_argument("--lr", type=float, default=e["lr"], help="learning rate (%(default)s)")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    distributed = "WORLD_SIZE" in os.environ
    if distributed:
        dist.init_process_group("gloo")
    rank = dist.get_rank() if distributed else 0
    torch.manual_seed(a.seed)
    random.seed(a.seed + rank)
    index = {c: i for i, c in enumerate(e["symbols"])}
    unk = len(e["symbols"]) if e["unk"] else None
    encode = lambda s: [index.get(c, unk) for c in s if c in index or unk is not None]
    with open(a.text, encoding="utf-8") as f:
        text = f.read()
    net = exported.load()
    model = torch.nn.parallel.DistributedDataParallel(net) if distributed else net
    opt = torch.optim.Adam(net.parameters(), lr=a.lr) if e["optimizer"] == "adam" else torch.optim.SGD(net.parameters(), lr=a.lr)
    lines = [l for l in text.split("\n") if l] if e["mode"] == "lines" else None
    ids = None if lines else torch.tensor(encode(text))
    smooth = None
    for step in range(1, a.steps + 1):
        if lines:  # one line a step (the course's dinosaur lab); its targets end with the newline
            line = encode(random.choice(lines) + "\n")
            x = torch.tensor([-1] + line[:-1]).unsqueeze(1)
            y = torch.tensor(line).unsqueeze(1)
        else:  # a window of running text
            w = e["window"]
            at = random.randrange(0, max(1, len(ids) - w - 1))
            x, y = ids[at:at + w].unsqueeze(1), ids[at + 1:at + w + 1].unsqueeze(1)
        logits = model(x)
        loss = F.cross_entropy(logits.reshape(-1, net.vocab), y.reshape(-1), reduction="sum")
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_value_(net.parameters(), e["clip_value"])  # the course: every entry to +-5
        opt.step()
        per_char = loss.item() / y.numel()
        smooth = per_char if smooth is None else 0.99 * smooth + 0.01 * per_char
        if rank == 0 and (step % 100 == 0 or step == a.steps):
            print(json.dumps({"step": step, "loss_per_char": round(smooth, 4),
                              "processes": dist.get_world_size() if distributed else 1}), flush=True)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
)py";

} // namespace

void saveCharModelPytorch(CharModelFile& f, const SeqPytorchExport& e, const std::string& folder)
{
    CharModel& m = *f.model;
    const CharModelSpec& s = m.spec();
    std::vector<NpyArray> weights;
    const std::vector<ParamT<float>*> p = m.params(); // per layer W, b; then Wy, by (row-major, as model.py's)
    for (int l = 0; l < s.depth; ++l) {
        Recurrent& r = m.layer(l);
        const int rows = gateCount(s.cell) * s.hidden;
        NpyArray w, b;
        w.name = "layers." + std::to_string(l) + ".W", w.shape = {rows, r.hiddenSize() + r.inputSize()};
        w.f32.assign(r.weight().value.data(), r.weight().value.data() + r.weight().value.size());
        b.name = "layers." + std::to_string(l) + ".b", b.shape = {rows};
        b.f32.assign(r.bias().value.data(), r.bias().value.data() + r.bias().value.size());
        weights.push_back(std::move(w)), weights.push_back(std::move(b));
    }
    NpyArray wy, by;
    wy.name = "Wy", wy.shape = {s.vocab, s.hidden}, wy.f32.assign(p[p.size() - 2]->value.data(), p[p.size() - 2]->value.data() + s.vocab * s.hidden);
    by.name = "by", by.shape = {s.vocab}, by.f32.assign(p.back()->value.data(), p.back()->value.data() + s.vocab);
    weights.push_back(std::move(wy)), weights.push_back(std::move(by));

    Json symbols = Json::array();
    for (char32_t c : f.vocab.symbols()) symbols.push(encodeUtf8(std::u32string(1, c)));
    Json exp = Json::object();
    exp.set("source", e.source).set("cell", cellName(s.cell)).set("vocab", s.vocab).set("hidden", s.hidden)
        .set("depth", s.depth).set("symbols", symbols).set("unk", f.vocab.hasUnk()).set("mode", corpusModeName(f.mode))
        .set("optimizer", e.hyper.opt.kind == OptKind::Adam ? "adam" : "gd").set("lr", double(e.hyper.lr))
        .set("clip_value", double(e.hyper.clipValue > 0 ? e.hyper.clipValue : 5.f)).set("window", e.window)
        .set("steps_trained", double(f.steps));

    const std::filesystem::path dir(folder);
    makeFolder(folder, "the PyTorch experiment");
    writeFileAtomic((dir / "model.py").string(), kModelPy);
    writeFileAtomic((dir / "train.py").string(), kTrainPy);
    writeFileAtomic((dir / "experiment.json").string(), exp.dump(2) + "\n");
    writeFileAtomic((dir / "weights.npz").string(), npzBytes(weights));
}

} // namespace dl
