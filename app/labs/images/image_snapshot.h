// SPDX-License-Identifier: MIT
// Values the image-lab worker sends to the GUI (copies only, never pointers into the model), and the
// configuration a run starts from.
#pragma once
#include "core/data/augment.h"
#include "core/data/image_source.h"
#include "core/train/hyper.h"
#include "core/train/image_probe.h"
#include "core/train/metrics.h"
#include "core/train/stats.h"
#include "widgets/curve_points.h"
#include "widgets/layer_row.h"
#include "widgets/planes.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

struct ImageRunConfig {
    dl::ImageSource source;
    QString preset = "lenet5"; // a preset name, or "custom" when the layer text was edited
    QString layers;            // the layer list (core/layers/layer_list.h); empty: the preset's
    dl::Hyperparams hyper;
    dl::AugmentPipeline augmentation;
    int frozen = 0; // transfer learning: layers [0, frozen) fixed
    bool precompute = false;
    int maxEpochs = 10; // training pauses after this many epochs (0 = no limit)
    std::uint32_t seed = 1;
};

struct EpochPoint {
    long epoch = 0;
    long step = 0;
    dl::EvalStats train;    // a fixed sample of the training set (see ImagesWorker::kTrainSample), Eval mode
    dl::EvalStats dev;      // the whole dev set
    double evalSeconds = 0; // the two evaluations' time (forward only; dlcli's training figure leaves it out)
};

// One image looked at closely: its feature maps, class probabilities and a Grad-CAM map.
struct Probe {
    long runId = 0;
    int set = 0; // 0 dev, 1 test
    int index = -1;
    int label = -1, predicted = -1;
    Planes image;             // 1 × C × H × W in [0, 1]
    std::vector<float> probs; // (K)
    std::vector<dl::FeatureMap> maps;
    dl::HeatMap cam;
    int camClass = -1;
};

struct EvalReport {
    long runId = 0;
    QString setName; // "test" or "dev"
    dl::Metrics metrics;
    float cost = 0;
    // The misclassified images, most confident mistakes first (at most kMaxGallery).
    std::vector<int> wrongIndex, wrongTruth, wrongPred;
    std::vector<float> wrongProb; // probability of the predicted class
    Planes wrongImages;
};

struct ImageSnapshot {
    long runId = 0;
    bool running = false;
    long step = 0, epoch = 0;
    int epochPos = 0, epochSize = 0; // images of the current epoch done / in all
    double imagesPerSecond = 0;
    float lastCost = 0;
    std::vector<CostPoint> costs;                // per-step costs since the previous snapshot
    std::vector<EpochPoint> epochs;              // epochs finished since the previous snapshot
    std::vector<LayerRow> layers;                // every snapshot (small)
    Planes filters;                              // first conv layer's weights, or empty
    std::vector<dl::LayerHistograms> histograms; // about once a second, else empty
    QStringList classNames;
    Planes devSamples;   // the first dev images, to click (first snapshot of a run)
    Planes trainSamples; // a few training images for the augmentation preview (same)
    std::vector<int> devLabels;
};

} // namespace lab
