// SPDX-License-Identifier: MIT
// Trains an image classifier (Sequential on NCHW batches, softmax cross-entropy) on a train/dev split with
// mini-batches, and evaluates on any set. Reports each step; polls a cancel flag; stops on a NaN cost.
// Transfer learning: a frozen prefix of layers runs in Eval mode and gets no gradients; its activations can
// be precomputed once (COURSE.md §7). The steps are the one training loop's (train_loop.h) on image batches
// (image_batches.h). No threads, no Qt.
#pragma once
#include "core/data/augment.h"
#include "core/data/image_set.h"
#include "core/train/image_batches.h"
#include "core/train/train_loop.h"
#include "core/layers/registry.h"
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
    ImageTrainer(const std::string& model, const Hyperparams& h, SharedImageSet train, SharedImageSet dev,
                 std::uint32_t seed);
    // Any layer list (layer_list.h); ShapeError/ConfigError when it does not fit the images.
    ImageTrainer(const std::vector<LayerSpec>& layers, const Hyperparams& h, SharedImageSet train,
                 SharedImageSet dev, std::uint32_t seed);
    // The same, owning the sets it is given.
    ImageTrainer(const std::string& model, const Hyperparams& h, ImageSet train, ImageSet dev,
                 std::uint32_t seed)
        : ImageTrainer(model, h, share(std::move(train)), share(std::move(dev)), seed)
    {
    }
    ImageTrainer(const std::vector<LayerSpec>& layers, const Hyperparams& h, ImageSet train, ImageSet dev,
                 std::uint32_t seed)
        : ImageTrainer(layers, h, share(std::move(train)), share(std::move(dev)), seed)
    {
    }
    ImageTrainer(const ImageTrainer&) = delete; // the loop's learner points at the model
    ImageTrainer& operator=(const ImageTrainer&) = delete;
    StepStats step(); // one mini-batch (fresh shuffle each epoch, last partial kept)
    StepStats
    runEpoch(const CancelFlag* cancel = nullptr); // steps until the epoch ends, a cancel or divergence
    std::function<void(const StepStats&)> onStep;
    // Called after backward, before the update: the gradients of this step are in Param::grad.
    std::function<void()> onGradients;
    // Applied to training batches only (COURSE.md §7); PCA colour uses the training set's components.
    void setAugmentation(const AugmentPipeline& p);
    const AugmentPipeline& augmentation() const { return m_batches.augmentation(); }
    // Freezes layers [0, n): Eval mode, no gradients, no updates. With `precompute` (and no augmentation)
    // their output for every train and dev image is computed once and training runs on it. The optimizer
    // state restarts (it belongs to the trained parameters). Throws ConfigError for n ≥ layer count.
    void setFrozen(int n, bool precompute);
    int frozen() const { return m_frozen; }
    bool precomputed() const { return m_batches.hasFeatures(); }
    // Live changes apply at the next step (TrainLoop::setHyper: another optimizer kind starts its state
    // over); a new batch size takes effect within the pass in progress.
    void setHyper(const Hyperparams& h);
    const Hyperparams& hyper() const { return m_loop.hyper(); }
    // Backward stops at the frozen prefix and skips dL/dpixels; call after anything that changed it
    // (gradCam's saliency path).
    void applyBackwardSettings();

    // Eval mode, in chunks of kEvalChunk images. `predicted` receives the argmax per image when given and
    // `probs` the softmax probabilities (N, K) row-major. A cancel request stops between chunks (the
    // result then covers the chunks done; the GUI uses it when the window closes).
    static constexpr int kEvalChunk = 256;
    EvalStats evaluate(const ImageSet& s, std::vector<int>* predicted = nullptr,
                       std::vector<float>* probs = nullptr, const CancelFlag* cancel = nullptr);
    Metrics metrics(const ImageSet& s);

    Sequential& model() { return m_model; }
    const std::vector<LayerSpec>& layers() const { return m_layers; }
    const ImageSet& train() const { return *m_train; }
    const ImageSet& dev() const { return *m_dev; }
    Optimizer& optimizer() { return m_loop.optimizer(); }
    Rng& rng() { return m_rng; }
    long steps() const { return m_loop.steps(); }
    long epochs() const { return m_loop.epochs(); }
    int stepsPerEpoch() const;
    int epochPosition() const { return m_batches.order().position(); } // images of this epoch already used
    // The shuffle of the epoch in progress (COURSE.md §4), for model files.
    const std::vector<int>& epochOrder() const { return m_batches.order().order(); }
    // For model files: restore the position so training continues where it stopped. `position` > 0 needs
    // the epoch's `order` (a permutation of the training set); ConfigError when either does not fit.
    void setProgress(long step, long epoch, int position = 0, std::vector<int> order = {});

  private:
    void init(const std::vector<LayerSpec>& layers);
    void rebuildOptimizer();
    Sequential m_model;
    std::vector<LayerSpec> m_layers;
    SharedImageSet m_train, m_dev; // never null (the constructors check)
    Rng m_rng;
    std::unique_ptr<LossT<float>> m_loss;
    std::unique_ptr<SequentialLearner> m_learner;
    TrainLoop m_loop;
    ImageBatches m_batches;
    int m_frozen = 0;
};

// One-hot targets (K, N), one column per label.
Tensor oneHot(const std::vector<int>& labels, int classes);

} // namespace dl
