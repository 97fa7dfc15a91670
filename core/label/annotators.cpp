// SPDX-License-Identifier: MIT
#include "core/label/annotators.h"

#include "core/util/error.h"

#include <algorithm>

namespace dl {

const char* voteName(Vote v)
{
    return v == Vote::Single ? "single" : v == Vote::Majority ? "majority" : "disagreement";
}

std::optional<Vote> voteFromName(const std::string& name)
{
    for (Vote v : {Vote::Single, Vote::Majority, Vote::Disagreement})
        if (name == voteName(v)) return v;
    return std::nullopt;
}

Annotators::Annotators(const AnnotatorSpec& s, int classes, std::uint32_t seed) : m_spec(s), m_classes(classes)
{
    if (s.errors.empty() || s.errors.size() > 15) throw ConfigError("choose 1 to 15 annotators");
    for (double e : s.errors)
        if (!(e >= 0 && e <= 1)) throw ConfigError("an annotator's error rate must be between 0 and 1");
    if (s.screen < 0 || s.screen > 1000) throw ConfigError("screening takes 0 to 1 000 known items an annotator");
    for (size_t k = 0; k < s.errors.size(); ++k) m_rng.emplace_back(seed * 7919u + std::uint32_t(k) + 1u), m_active.push_back(int(k));
    m_screened.assign(s.errors.size(), -1.0);
}

int Annotators::answer(int who, int truth)
{
    Rng& r = m_rng[size_t(who)];
    if (r.uniform() >= m_spec.errors[size_t(who)] || m_classes < 2) return truth;
    const int wrong = r.uniformInt(0, m_classes - 2); // a wrong class, uniformly
    return wrong >= truth ? wrong + 1 : wrong;
}

int Annotators::screen(const std::vector<int>& known)
{
    if (m_spec.screen == 0 || known.empty()) return 0;
    const size_t n = std::min(known.size(), size_t(m_spec.screen));
    int bought = 0, best = 0;
    for (size_t k = 0; k < m_spec.errors.size(); ++k) {
        int wrong = 0;
        for (size_t i = 0; i < n; ++i) wrong += answer(int(k), known[i]) != known[i];
        bought += int(n);
        m_screened[k] = double(wrong) / double(n);
        if (m_screened[k] < m_screened[size_t(best)]) best = int(k);
    }
    m_active.clear();
    for (size_t k = 0; k < m_spec.errors.size(); ++k)
        if (m_screened[k] <= m_spec.screenLimit || int(k) == best) m_active.push_back(int(k));
    return bought;
}

int Annotators::label(int truth, int modelGuess, int& bought)
{
    const int first = m_active[size_t(m_turn++ % int(m_active.size()))];
    const int a = answer(first, truth);
    ++bought;
    if (m_spec.vote == Vote::Single || m_active.size() == 1) return a;
    if (m_spec.vote == Vote::Disagreement && (modelGuess < 0 || modelGuess == a)) return a;
    std::vector<int> count(size_t(m_classes), 0);
    ++count[size_t(a)];
    for (int who : m_active)
        if (who != first) ++count[size_t(answer(who, truth))], ++bought;
    const int top = *std::max_element(count.begin(), count.end());
    return count[size_t(a)] == top ? a : int(std::max_element(count.begin(), count.end()) - count.begin()); // a tie: the first answer
}

} // namespace dl
