// SPDX-License-Identifier: MIT
// Trains an image classifier (Sequential on NCHW batches, softmax cross-entropy) on a train/dev split with
// mini-batches, and evaluates on any set. Reports each step; polls a cancel flag; stops on a NaN cost.
// No threads, no Qt.
#pragma once
#include "core/data/augment.h"
#include "core/data/image_set.h"
#include "core/layers/sequential.h"
#include "core/losses/loss.h"
#include "core/optim/optimizer.h"
#include "core/optim/schedule.h"
#include "core/train/hyper.h"
#include "core/train/metrics.h"
#include "core/train/stats.h"
#include "core/util/cancel.h"
#include "core/util/rng.h"

#include <functional>
#include <memory>

namespace dl {

class ImageTrainer {
  public:
    // Throws ConfigError for an unknown model or bad hyperparameters.
    ImageTrainer(const std::string& model, const Hyperparams& h, ImageSet train, ImageSet dev,
                 std::uint32_t seed);
    StepStats step(); // one mini-batch (fresh shuffle each epoch, last partial kept)
    StepStats
    runEpoch(const CancelFlag* cancel = nullptr); // steps until the epoch ends, a cancel or divergence
    std::function<void(const StepStats&)> onStep;
    // Applied to training batches only (COURSE.md §7); PCA colour uses the training set's components.
    void setAugmentation(const AugmentPipeline& p);
    const AugmentPipeline& augmentation() const { return m_aug; }

    // Eval mode, in chunks of 500 images. `predicted` receives the argmax per image when given.
    EvalStats evaluate(const ImageSet& s, std::vector<int>* predicted = nullptr);
    Metrics metrics(const ImageSet& s);

    Sequential& model() { return m_model; }
    const ImageSet& train() const { return m_train; }
    const ImageSet& dev() const { return m_dev; }
    long steps() const { return m_step; }
    long epochs() const { return m_epoch; }
    int stepsPerEpoch() const;

  private:
    Sequential m_model;
    Hyperparams m_hyper;
    ImageSet m_train, m_dev;
    Rng m_rng;
    std::vector<Param*> m_params;
    std::unique_ptr<LossT<float>> m_loss;
    std::unique_ptr<Optimizer> m_opt;
    AugmentPipeline m_aug;
    PcaColor m_pca;
    std::vector<int> m_perm;
    int m_pos = 0;
    long m_step = 0, m_epoch = 0;
};

// One-hot targets (K, N), one column per label.
Tensor oneHot(const std::vector<int>& labels, int classes);

} // namespace dl
