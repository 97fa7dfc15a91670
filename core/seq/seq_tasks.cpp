// SPDX-License-Identifier: MIT
#include "core/seq/seq_tasks.h"

#include "core/seq/char_data.h"
#include "core/util/error.h"

#include <algorithm>

namespace dl {

const char* taskName(SeqTaskKind k)
{
    return k == SeqTaskKind::Remember ? "remember" : k == SeqTaskKind::Majority ? "majority" : "brackets";
}

SeqTaskKind parseTask(const std::string& name)
{
    for (SeqTaskKind k : {SeqTaskKind::Remember, SeqTaskKind::Majority, SeqTaskKind::Brackets})
        if (name == taskName(k)) return k;
    throw ConfigError("task must be remember, majority or brackets, not \"" + name + "\"");
}

namespace {
constexpr int kMarks = 8; // remember: a–h, then "?"
constexpr int kOpen = 4, kClose = 5;             // brackets: a–d, "(", ")"
} // namespace

std::string taskSymbols(SeqTaskKind k)
{
    return k == SeqTaskKind::Remember ? "abcdefgh?" : k == SeqTaskKind::Majority ? "abc" : "abcd()";
}

int taskVocab(const SeqTaskSpec& s)
{
    return static_cast<int>(taskSymbols(s.kind).size());
}

int taskClasses(const SeqTaskSpec& s)
{
    return s.kind == SeqTaskKind::Remember ? kMarks : s.kind == SeqTaskKind::Majority ? 3 : 2;
}

int taskSteps(const SeqTaskSpec& s)
{
    return s.kind == SeqTaskKind::Remember ? s.span + 1 : s.span;
}

void validate(const SeqTaskSpec& s)
{
    const int low = s.kind == SeqTaskKind::Remember ? 1 : 3;
    if (s.span < low || s.span > 400)
        throw ConfigError(std::string("the ") + taskName(s.kind) + " task's span must be from " +
                          std::to_string(low) + " to 400 steps, not " + std::to_string(s.span));
}

std::vector<int> bracketTags(const std::vector<int>& ids)
{
    std::vector<int> tags(ids.size(), 0);
    int open = -1;
    for (int t = 0; t < static_cast<int>(ids.size()); ++t) {
        if (ids[static_cast<size_t>(t)] == kOpen) open = t; // a later "(" replaces one not yet closed
        if (ids[static_cast<size_t>(t)] == kClose && open >= 0) {
            for (int i = open + 1; i < t; ++i) tags[static_cast<size_t>(i)] = 1;
            open = -1;
        }
    }
    return tags;
}

SeqExamples makeTaskExamples(const SeqTaskSpec& s, int batch, Rng& rng)
{
    validate(s);
    SeqExamples e;
    e.steps = taskSteps(s), e.batch = batch;
    const int T = e.steps;
    e.ids.assign(static_cast<size_t>(T) * batch, 0);
    e.targets.assign(e.ids.size(), -1);
    auto at = [&](int t, int b) { return static_cast<size_t>(t) * batch + b; };
    for (int b = 0; b < batch; ++b) {
        if (s.kind == SeqTaskKind::Remember) {
            const int mark = rng.uniformInt(0, kMarks - 1);
            e.ids[at(0, b)] = mark;
            for (int t = 1; t < T - 1; ++t) e.ids[at(t, b)] = rng.uniformInt(0, kMarks - 1);
            e.ids[at(T - 1, b)] = kMarks; // "?"
            e.targets[at(T - 1, b)] = mark;
        } else if (s.kind == SeqTaskKind::Majority) {
            int count[3];
            do { // no ties: the answer is one letter
                count[0] = count[1] = count[2] = 0;
                for (int t = 0; t < T; ++t) ++count[e.ids[at(t, b)] = rng.uniformInt(0, 2)];
            } while (std::count(count, count + 3, *std::max_element(count, count + 3)) > 1);
            e.targets[at(T - 1, b)] = static_cast<int>(std::max_element(count, count + 3) - count);
        } else {
            std::vector<int> seq(static_cast<size_t>(T));
            for (int& id : seq) {
                const double u = rng.uniform();
                id = u < 0.15 ? kOpen : u < 0.3 ? kClose : rng.uniformInt(0, 3);
            }
            const std::vector<int> tags = bracketTags(seq);
            for (int t = 0; t < T; ++t) e.ids[at(t, b)] = seq[static_cast<size_t>(t)], e.targets[at(t, b)] = tags[static_cast<size_t>(t)];
        }
    }
    return e;
}

std::string describeExample(const SeqTaskSpec& s, const SeqExamples& e, int b)
{
    const std::string sym = taskSymbols(s.kind);
    std::string text, tags;
    for (int t = 0; t < e.steps; ++t) {
        const size_t j = static_cast<size_t>(t) * e.batch + b;
        text += sym[static_cast<size_t>(e.ids[j])];
        if (s.kind == SeqTaskKind::Brackets) tags += static_cast<char>('0' + e.targets[j]);
    }
    if (s.kind == SeqTaskKind::Brackets) return text + " over " + tags;
    const int y = e.targets[static_cast<size_t>(e.steps - 1) * e.batch + b];
    return text + " → " + std::string(1, sym[static_cast<size_t>(y)]);
}

Batch TaskBatches::next(Rng& rng)
{
    if (!m_ready) {
        const SeqExamples e = makeTaskExamples(m_spec, m_batch, rng);
        m_x = Tensor({e.steps, e.batch});
        m_y = Tensor({e.steps, e.batch});
        for (size_t i = 0; i < e.ids.size(); ++i) {
            m_x[i] = static_cast<float>(e.ids[i]);
            m_y[i] = static_cast<float>(e.targets[i]);
        }
        m_ready = true;
    }
    Batch b;
    b.x = &m_x, b.y = &m_y, b.count = m_batch;
    b.endsEpoch = (m_taken + 1) % 100 == 0;
    return b;
}

float SeqNetLearner::forward(const Batch& b)
{
    batchIds(b, m_in, m_out);
    return m_net->forward(m_in, m_out, b.x->dim(0), b.x->dim(1));
}

Hyperparams SeqTaskRun::defaultHyper()
{
    Hyperparams h;
    h.opt.kind = OptKind::Adam;
    h.lr = 0.01f;
    h.clipNorm = 1.f;
    return h;
}

SeqTaskTrainer::SeqTaskTrainer(const SeqTaskRun& r)
    : m_run(r),
      m_net(SeqNetSpec{r.cell, taskVocab(r.task), r.hidden, taskClasses(r.task), r.depth, r.bidirectional}),
      m_learner(m_net), m_batches(r.task, r.batch), m_loop(m_net.params(), r.hyper), m_rng(r.seed)
{
    validate(r.task);
    if (r.batch < 1 || r.batch > 4096) throw ConfigError("the batch must be from 1 to 4096 sequences");
    m_net.init(m_rng, r.forgetBias, r.initScale);
    Rng held(r.seed ^ 0x5eedu);
    m_heldOut = makeTaskExamples(r.task, 512, held);
}

StepStats SeqTaskTrainer::step()
{
    return m_loop.step(m_batches, m_learner, m_rng);
}

double SeqTaskTrainer::accuracy()
{
    m_net.forward(m_heldOut.ids, m_heldOut.targets, m_heldOut.steps, m_heldOut.batch);
    return static_cast<double>(m_net.correct()) / m_net.counted();
}

} // namespace dl
