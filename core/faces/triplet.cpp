// SPDX-License-Identifier: MIT
#include "core/faces/triplet.h"

#include "core/util/error.h"

#include <algorithm>
#include <limits>

namespace dl {

template <typename T>
TripletLossResultT<T> tripletLoss(const TensorT<T>& emb, const std::vector<Triplet>& triplets, T margin)
{
    DL_CHECK(emb.rank() == 2, "tripletLoss: the embedding must be (D, N)");
    const int n = emb.dim(1);
    TripletLossResultT<T> r;
    r.demb = TensorT<T>(emb.shape());
    if (triplets.empty()) return r;
    auto f = emb.mat();
    auto g = r.demb.mat();
    const T scale = T(2) / T(triplets.size());
    for (const Triplet& t : triplets) {
        DL_CHECK(t.a >= 0 && t.a < n && t.p >= 0 && t.p < n && t.n >= 0 && t.n < n,
                 "tripletLoss: a triplet indexes outside the batch");
        const auto fa = f.col(t.a), fp = f.col(t.p), fn = f.col(t.n);
        // COURSE.md §9 / FaceNet eq. 1.
        const T l = (fa - fp).squaredNorm() - (fa - fn).squaredNorm() + margin;
        if (l <= 0) continue;
        r.value += l;
        ++r.active;
        g.col(t.a) += scale * (fn - fp);
        g.col(t.p) -= scale * (fa - fp);
        g.col(t.n) += scale * (fa - fn);
    }
    r.value /= T(triplets.size());
    return r;
}
template TripletLossResultT<float> tripletLoss<float>(const Tensor&, const std::vector<Triplet>&, float);
template TripletLossResultT<double> tripletLoss<double>(const TensorD&, const std::vector<Triplet>&, double);

const char* miningName(Mining m)
{
    switch (m) {
    case Mining::Random: return "random";
    case Mining::SemiHard: return "semi-hard";
    case Mining::Hard: return "hard";
    }
    return "?";
}

Mining parseMining(const std::string& name)
{
    for (Mining m : {Mining::Random, Mining::SemiHard, Mining::Hard})
        if (name == miningName(m)) return m;
    throw ConfigError("unknown triplet choice \"" + name + "\"; use random, semi-hard or hard");
}

std::vector<Triplet> mineTriplets(const Tensor& emb, const std::vector<int>& labels, Mining mining, Rng& rng,
                                  int maxTriplets)
{
    DL_CHECK(emb.rank() == 2 && emb.dim(1) == int(labels.size()), "mineTriplets: one label per column");
    const int n = emb.dim(1);
    std::vector<std::pair<int, int>> pairs; // every anchor-positive pair, both ways round
    for (int a = 0; a < n; ++a)
        for (int p = 0; p < n; ++p)
            if (p != a && labels[size_t(a)] == labels[size_t(p)]) pairs.emplace_back(a, p);
    if (int(pairs.size()) > maxTriplets) { // a random subset, in the batch's order
        std::vector<int> keep = rng.permutation(int(pairs.size()));
        keep.resize(size_t(maxTriplets));
        std::sort(keep.begin(), keep.end());
        std::vector<std::pair<int, int>> sub;
        for (int i : keep) sub.push_back(pairs[size_t(i)]);
        pairs.swap(sub);
    }
    // Squared distances ‖f_i − f_j‖² = ‖f_i‖² + ‖f_j‖² − 2 f_i·f_j, on the values (mining has no gradient).
    const Eigen::MatrixXf gram = emb.mat().transpose() * emb.mat();
    const Eigen::VectorXf sq = gram.diagonal();
    const Eigen::MatrixXf d2 = ((-2.f * gram).colwise() + sq).rowwise() + sq.transpose();
    std::vector<Triplet> out;
    std::vector<int> negatives;
    for (const auto& [a, p] : pairs) {
        negatives.clear();
        for (int j = 0; j < n; ++j)
            if (labels[size_t(j)] != labels[size_t(a)]) negatives.push_back(j);
        if (negatives.empty()) continue;
        int pick = negatives[0];
        if (mining == Mining::Random) {
            pick = negatives[size_t(rng.uniformInt(0, int(negatives.size()) - 1))];
        } else {
            const float dap = d2(a, p);
            float best = std::numeric_limits<float>::infinity(), far = -1.f;
            int farthest = negatives[0];
            for (int j : negatives) {
                const float d = d2(a, j);
                if (d > far) far = d, farthest = j;
                const bool eligible = mining == Mining::Hard || d > dap;
                if (eligible && d < best) best = d, pick = j;
            }
            if (!std::isfinite(best)) pick = farthest; // semi-hard with no negative beyond the positive
        }
        out.push_back({a, p, pick});
    }
    return out;
}

std::vector<int> labelsOfOneHot(const Tensor& y)
{
    DL_CHECK(y.rank() == 2, "labelsOfOneHot: targets must be (K, N)");
    std::vector<int> labels(size_t(y.dim(1)));
    for (int j = 0; j < y.dim(1); ++j) {
        Eigen::Index k = 0;
        y.mat().col(j).maxCoeff(&k);
        labels[size_t(j)] = int(k);
    }
    return labels;
}

float TripletLearner::forward(const Batch& b)
{
    DL_CHECK(b.y, "TripletLearner: the batch needs its labels");
    const Tensor emb = m_model->forward(*b.x, Mode::Train);
    const std::vector<Triplet> t = mineTriplets(emb, labelsOfOneHot(*b.y), m_mining, m_rng);
    m_triplets = int(t.size());
    m_result = tripletLoss(emb, t, m_margin);
    return m_result.value;
}

} // namespace dl
