// SPDX-License-Identifier: MIT
#include "core/layers/softmax.h"
#include "core/losses/bce.h"
#include "core/losses/cross_entropy.h"
#include "core/losses/mse.h"

#include <cmath>

namespace dl {

const char* lossName(LossKind k)
{
    switch (k) {
    case LossKind::BinaryCrossEntropy:
        return "binary cross-entropy";
    case LossKind::SoftmaxCrossEntropy:
        return "softmax cross-entropy";
    case LossKind::MeanSquaredError:
        return "mean squared error";
    }
    return "?";
}

template <typename T>
LossResultT<T> BinaryCrossEntropyT<T>::compute(const TensorT<T>& z, const TensorT<T>& y) const
{
    checkSameShape(z.shape(), y.shape(), "binary cross-entropy");
    const T m = static_cast<T>(z.rank() == 2 ? z.dim(1) : z.size());
    LossResultT<T> r;
    r.dpred.resize(z.shape());
    auto za = z.arr();
    auto ya = y.arr();
    // One exponential per element: e = e^-|z|; σ(z) = 1/(1+e) for z ≥ 0 and e/(1+e) otherwise.
    auto e = r.dpred.arr(); // holds e first, then the gradient (element-wise, so in place is safe)
    e = (-za.abs()).exp();
    r.value = (za.max(T(0)) - za * ya + (T(1) + e).log()).sum() / m;
    e = ((za >= T(0)).select(T(1), e) / (T(1) + e) - ya) / m;
    return r;
}

template <typename T>
LossResultT<T> SoftmaxCrossEntropyT<T>::compute(const TensorT<T>& z, const TensorT<T>& y) const
{
    checkSameShape(z.shape(), y.shape(), "softmax cross-entropy");
    const T m = static_cast<T>(z.dim(1));
    LossResultT<T> r;
    softmaxColumns(z, r.dpred);
    // log ŷ = z - max - log Σ e^(z - max): exact even when ŷ underflows to 0.
    auto zm = z.mat();
    const Eigen::Matrix<T, 1, Eigen::Dynamic> mx = zm.colwise().maxCoeff();
    const Eigen::Array<T, 1, Eigen::Dynamic> lse =
        (zm.rowwise() - mx).array().exp().colwise().sum().log() + mx.array();
    r.value = -(y.mat().array() * (zm.array().rowwise() - lse)).sum() / m;
    r.dpred.arr() = (r.dpred.arr() - y.arr()) / m;
    return r;
}

template <typename T>
LossResultT<T> MeanSquaredErrorT<T>::compute(const TensorT<T>& p, const TensorT<T>& y) const
{
    checkSameShape(p.shape(), y.shape(), "mean squared error");
    const T n = static_cast<T>(p.size());
    LossResultT<T> r;
    r.dpred.resize(p.shape());
    r.value = (p.arr() - y.arr()).square().sum() / n;
    r.dpred.arr() = T(2) * (p.arr() - y.arr()) / n;
    return r;
}

template <typename T>
std::unique_ptr<LossT<T>> makeLoss(LossKind kind)
{
    switch (kind) {
    case LossKind::BinaryCrossEntropy:
        return std::make_unique<BinaryCrossEntropyT<T>>();
    case LossKind::SoftmaxCrossEntropy:
        return std::make_unique<SoftmaxCrossEntropyT<T>>();
    case LossKind::MeanSquaredError:
        return std::make_unique<MeanSquaredErrorT<T>>();
    }
    return nullptr;
}

template <typename T>
T l2Penalty(const std::vector<ParamT<T>*>& params, T lambda, int m)
{
    if (lambda == T(0)) return T(0);
    T sum = 0;
    for (const ParamT<T>* p : params)
        if (p->decay) sum += p->value.arr().square().sum();
    return lambda / (T(2) * static_cast<T>(m)) * sum;
}

template <typename T>
void addL2Grad(const std::vector<ParamT<T>*>& params, T lambda, int m)
{
    if (lambda == T(0)) return;
    const T k = lambda / static_cast<T>(m);
    for (ParamT<T>* p : params)
        if (p->decay) p->grad.arr() += k * p->value.arr();
}

#define DL_INSTANTIATE(T)                                                                                    \
    template class BinaryCrossEntropyT<T>;                                                                   \
    template class SoftmaxCrossEntropyT<T>;                                                                  \
    template class MeanSquaredErrorT<T>;                                                                     \
    template std::unique_ptr<LossT<T>> makeLoss<T>(LossKind);                                                \
    template T l2Penalty<T>(const std::vector<ParamT<T>*>&, T, int);                                         \
    template void addL2Grad<T>(const std::vector<ParamT<T>*>&, T, int);
DL_INSTANTIATE(float)
DL_INSTANTIATE(double)
#undef DL_INSTANTIATE

} // namespace dl
