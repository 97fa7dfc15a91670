// SPDX-License-Identifier: MIT
#include "core/layers/sequential.h"

#include <algorithm>

namespace dl {

template <typename T>
void SequentialT<T>::add(std::unique_ptr<LayerT<T>> layer, const std::string& name)
{
    layer->setName(name);
    for (ParamT<T>* p : layer->params())
        p->name = name + "." + p->name; // composite layers give "res1" + "." + "conv1.weight"
    m_layers.push_back(std::move(layer));
}

template <typename T>
TensorT<T> SequentialT<T>::forward(const TensorT<T>& x, Mode mode)
{
    if (m_layers.empty()) return x;
    TensorT<T> h = m_layers[0]->forward(x, mode);
    for (size_t i = 1; i < m_layers.size(); ++i) h = m_layers[i]->forward(h, mode);
    return h;
}

template <typename T>
TensorT<T> SequentialT<T>::forwardAll(const TensorT<T>& x, Mode mode, std::vector<TensorT<T>>& outs)
{
    outs.resize(m_layers.size());
    const TensorT<T>* in = &x;
    for (size_t i = 0; i < m_layers.size(); ++i) {
        outs[i] = m_layers[i]->forward(*in, mode);
        in = &outs[i];
    }
    return *in;
}

template <typename T>
TensorT<T> SequentialT<T>::forwardRange(const TensorT<T>& x, Mode mode, size_t begin, size_t end)
{
    end = std::min(end, m_layers.size());
    if (begin >= end) return x;
    TensorT<T> h = m_layers[begin]->forward(x, mode);
    for (size_t i = begin + 1; i < end; ++i) h = m_layers[i]->forward(h, mode);
    return h;
}

template <typename T>
void SequentialT<T>::setBackwardStart(size_t first)
{
    m_stopAt = std::max(m_stopAt, std::min(first, m_layers.empty() ? 0 : m_layers.size() - 1));
}

template <typename T>
TensorT<T> SequentialT<T>::backward(const TensorT<T>& dy)
{
    if (m_layers.empty()) return dy;
    TensorT<T> d = m_layers.back()->backward(dy);
    for (size_t i = m_layers.size() - 1; i-- > m_stopAt;) d = m_layers[i]->backward(d);
    return d;
}

template <typename T>
void SequentialT<T>::setInputGradNeeded(bool need)
{
    m_stopAt = 0;
    for (size_t i = 0; i < m_layers.size(); ++i)
        if (!m_layers[i]->params().empty()) {
            m_layers[i]->setNeedInputGrad(need);
            if (!need) m_stopAt = i;
            break;
        }
}

template <typename T>
std::vector<ParamT<T>*> SequentialT<T>::params()
{
    std::vector<ParamT<T>*> out;
    for (auto& l : m_layers)
        for (ParamT<T>* p : l->params()) out.push_back(p);
    return out;
}

template <typename T>
std::vector<TensorT<T>*> SequentialT<T>::buffers()
{
    std::vector<TensorT<T>*> out;
    for (auto& l : m_layers)
        for (TensorT<T>* b : l->buffers()) out.push_back(b);
    return out;
}

template <typename T>
void SequentialT<T>::zeroGrad()
{
    for (ParamT<T>* p : params()) p->grad.setZero();
}

template <typename T>
Shape SequentialT<T>::outputShape(const Shape& in) const
{
    Shape s = in;
    for (size_t i = 0; i < m_layers.size(); ++i) {
        try {
            s = m_layers[i]->outputShape(s);
        } catch (const ShapeError& e) {
            throw ShapeError("Layer " + std::to_string(i + 1) + " (" + m_layers[i]->describe() +
                             "): " + e.what());
        }
    }
    return s;
}

template <typename T>
size_t SequentialT<T>::paramCount()
{
    size_t n = 0;
    for (ParamT<T>* p : params()) n += p->value.size();
    return n;
}

template class SequentialT<float>;
template class SequentialT<double>;

} // namespace dl
