// SPDX-License-Identifier: MIT
// A darknet network for inference (YOLOv2/v3-tiny style, Yolo-Fastest, Tiny Darknet): the layer graph
// built from a .cfg, weights from a .weights file with batch norm folded into the convolutions at load,
// and a forward pass on our own Conv2d that keeps every layer's output (the lab shows them as feature
// maps). Its convolutions and max-pools are the layer registry's Conv2d and Pool2d (core/layers/), run
// through their one-image forwardInto paths. Not a trainer: no backward here (the style lab's FeatureChain
// backpropagates a prefix of it to the pixels with the same layer objects). Tensors are (1, C, H, W).
#pragma once
#include "core/models/darknet_cfg.h"
#include "core/layers/conv2d.h"
#include "core/layers/pool2d.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

enum class DnKind { Conv, MaxPool, AvgPool, Route, Shortcut, Upsample, Dropout, Yolo, Region, Softmax };
enum class DnAct { Linear, Leaky, ReLU, Logistic };

// Parameters of a detection head (darknet [yolo] / [region], face-api's tiny YOLOv2 decode).
struct HeadSpec {
    bool region = false;        // [region]: anchors in grid cells, optional softmax classes
    int classes = 0;            // 0: objectness only (face detector)
    std::vector<float> anchors; // (w, h) pairs of this head's anchors; [yolo]: input pixels
    float scaleXY = 1;          // [yolo] scale_x_y (Scaled-YOLOv4 grid sensitivity)
    bool softmax = false;       // [region] softmax=1
};

struct DnLayer {
    DnKind kind = DnKind::Conv;
    int line = 0;            // cfg line of its section (0 when built in code)
    int c = 0, h = 0, w = 0; // output shape
    // convolutional
    std::unique_ptr<Conv2d> conv;
    bool batchNorm = false;
    DnAct act = DnAct::Linear;
    // maxpool: the registry's Pool2d with darknet padding (out = (in + pad − size)/stride + 1, offset −pad/2)
    std::unique_ptr<Pool2d> pool;
    int stride = 1; // upsample factor
    // route / shortcut inputs (absolute layer indices; −1 = the network input)
    std::vector<int> from;
    int groups = 1, groupId = 0; // route: take channel slice groupId of `groups` from each input
    float scale = 1;             // upsample scale
    HeadSpec head;
    std::string describe() const;
};

class DarknetNet {
  public:
    DarknetNet(int channels, int height, int width); // empty net; add layers with the builders below
    // Builds from cfg text; throws FormatError "<file>, line N: ..." for values this lab cannot run.
    static DarknetNet fromCfg(const std::string& text, const std::string& file);
    DarknetNet(DarknetNet&&) = default;
    DarknetNet& operator=(DarknetNet&&) = default;

    // Builders (append one layer after the last; throw ConfigError for impossible shapes).
    void addConv(int filters, int size, int stride, int pad, int groups, bool batchNorm, DnAct act,
                 int line = 0);
    void addMaxPool(int size, int stride, int pad, int line = 0);
    void addHead(const HeadSpec& head, int line = 0); // [yolo] (region=false) or [region]

    int inputC() const { return m_c; }
    int inputH() const { return m_h; }
    int inputW() const { return m_w; }
    bool letterbox() const { return m_letterbox; }
    const std::vector<DnLayer>& layers() const { return m_layers; }
    std::vector<DnLayer>& layers() { return m_layers; }
    std::vector<int> headLayers() const; // indices of [yolo]/[region] layers in cfg order

    size_t weightFloatCount() const; // floats a .weights file must hold after its header
    // Reads a darknet .weights file (bytes): checks the header and that its size matches this cfg
    // exactly, then folds batch norm into the convolutions. Throws FormatError naming `file`.
    void loadWeights(const std::string& bytes, const std::string& file);

    // x: (1, C, H, W) with C, H, W = inputC/H/W. Returns the last layer's output; every layer's is kept.
    const Tensor& forward(const Tensor& x);
    // Identity layers ([dropout], [yolo], [region]) share their input's tensor instead of copying it.
    const Tensor& output(int layer) const;
    // true (default): every layer's output stays readable after forward (feature maps). false: a layer's
    // output buffer is reused once its last reader has run (the CLI: ~3× less memory touched per photo).
    void setKeepOutputs(bool keep) { m_keepAll = keep; }
    // Seconds each layer took in the last forward (the lab's layer table; bench profiles).
    const std::vector<double>& layerSeconds() const { return m_seconds; }

  private:
    void addLayer(DnLayer l);
    void addFromSection(const CfgSection& s, const std::string& file);
    void planBuffers();
    int
    source(int layer) const; // the layer whose tensor `layer` shows (identity layers read through); -1: input
    int m_c, m_h, m_w;
    bool m_letterbox = false;
    std::vector<DnLayer> m_layers;
    Tensor m_input;                // (1, C, H, W) of the last forward
    std::vector<Tensor> m_outputs; // empty for identity layers: output() resolves them
    std::vector<double> m_seconds;
    bool m_keepAll = true;
    std::vector<std::vector<int>>
        m_release;              // per layer: outputs nobody reads after it (setKeepOutputs(false))
    std::vector<Tensor> m_pool; // released output buffers, reused by later layers
    size_t m_weightCount = 0;   // convolution weights so far (bounded: see addLayer)
};

} // namespace dl
