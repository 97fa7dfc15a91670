// SPDX-License-Identifier: MIT
#include "core/layers/residual_block.h"

namespace dl {

template <typename T>
static void nameParams(LayerT<T>& l, const std::string& prefix)
{
    for (ParamT<T>* p : l.params()) p->name = prefix + "." + p->name;
}

template <typename T>
ResidualBlockT<T>::ResidualBlockT(int inChannels, int outChannels, int stride)
    : m_in(inChannels), m_out(outChannels), m_stride(stride)
{
    m_conv1 = std::make_unique<Conv2dT<T>>(Conv2dSpec{inChannels, outChannels, 3, stride, 1, 1});
    m_bn1 = std::make_unique<BatchNorm2dT<T>>(outChannels);
    m_conv2 = std::make_unique<Conv2dT<T>>(Conv2dSpec{outChannels, outChannels, 3, 1, 1, 1});
    m_bn2 = std::make_unique<BatchNorm2dT<T>>(outChannels);
    nameParams<T>(*m_conv1, "conv1");
    nameParams<T>(*m_bn1, "bn1");
    nameParams<T>(*m_conv2, "conv2");
    nameParams<T>(*m_bn2, "bn2");
    if (inChannels != outChannels || stride != 1) { // shapes differ: 1×1 projection shortcut
        m_proj = std::make_unique<Conv2dT<T>>(Conv2dSpec{inChannels, outChannels, 1, stride, 0, 1});
        m_bnProj = std::make_unique<BatchNorm2dT<T>>(outChannels);
        nameParams<T>(*m_proj, "proj");
        nameParams<T>(*m_bnProj, "bnproj");
    }
}

template <typename T>
std::string ResidualBlockT<T>::describe() const
{
    return "ResidualBlock " + std::to_string(m_in) + "→" + std::to_string(m_out) +
           (m_stride != 1 ? " stride " + std::to_string(m_stride) : std::string()) +
           (m_proj ? " (projection)" : " (identity)");
}

template <typename T>
std::vector<LayerT<T>*> ResidualBlockT<T>::mainPath() const
{
    return {m_conv1.get(), m_bn1.get(), const_cast<ActivationT<T>*>(&m_relu1), m_conv2.get(), m_bn2.get()};
}

template <typename T>
Shape ResidualBlockT<T>::outputShape(const Shape& in) const
{
    Shape s = in;
    for (LayerT<T>* l : mainPath()) s = l->outputShape(s);
    return s;
}

template <typename T>
std::vector<ParamT<T>*> ResidualBlockT<T>::params()
{
    std::vector<ParamT<T>*> out;
    for (LayerT<T>* l : mainPath())
        for (ParamT<T>* p : l->params()) out.push_back(p);
    if (m_proj)
        for (LayerT<T>* l : {static_cast<LayerT<T>*>(m_proj.get()), static_cast<LayerT<T>*>(m_bnProj.get())})
            for (ParamT<T>* p : l->params()) out.push_back(p);
    return out;
}

template <typename T>
std::vector<TensorT<T>*> ResidualBlockT<T>::buffers()
{
    std::vector<TensorT<T>*> out;
    for (BatchNorm2dT<T>* b : {m_bn1.get(), m_bn2.get(), m_bnProj.get()})
        if (b)
            for (TensorT<T>* t : b->buffers()) out.push_back(t);
    return out;
}

template <typename T>
TensorT<T> ResidualBlockT<T>::forward(const TensorT<T>& x, Mode mode)
{
    TensorT<T> h = x;
    for (LayerT<T>* l : mainPath()) h = l->forward(h, mode);
    if (m_proj)
        h.arr() += m_bnProj->forward(m_proj->forward(x, mode), mode).arr();
    else
        h.arr() += x.arr(); // z[l+2] + a[l]
    return m_reluOut.forward(h, mode);
}

template <typename T>
TensorT<T> ResidualBlockT<T>::backward(const TensorT<T>& dy)
{
    const TensorT<T> dsum = m_reluOut.backward(dy); // flows into both paths unchanged
    TensorT<T> d = dsum;
    const std::vector<LayerT<T>*> path = mainPath();
    for (size_t i = path.size(); i-- > 0;) d = path[i]->backward(d);
    if (m_proj)
        d.arr() += m_proj->backward(m_bnProj->backward(dsum)).arr();
    else
        d.arr() += dsum.arr();
    return d;
}

template class ResidualBlockT<float>;
template class ResidualBlockT<double>;

} // namespace dl
