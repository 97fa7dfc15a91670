// SPDX-License-Identifier: MIT
#include "widgets/core_texts.h"

#include "widgets/language.h"

#include <QCoreApplication>

namespace lab {

namespace {

// The core's English texts the GUI shows (lupdate reads them here: the core is Qt-free and names no tr()).
// A composite text is listed as the template the core builds it from, its numbers as %1, %2, ...
const char* const kCoreTexts[] = {
    QT_TRANSLATE_NOOP("dl::Core", "Long-range dependency: remember the first letter for T steps"),
    QT_TRANSLATE_NOOP("dl::Core", "Held-out accuracy against T"),
    QT_TRANSLATE_NOOP("dl::Core", "T (steps between the letter and the question)"),
    QT_TRANSLATE_NOOP("dl::Core", "accuracy (%)"),
    QT_TRANSLATE_NOOP("dl::Core", "cell"),
    QT_TRANSLATE_NOOP("dl::Core", "mean accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "per seed"),
    QT_TRANSLATE_NOOP("dl::Core", "steps"),
    QT_TRANSLATE_NOOP("dl::Core", "Chance is 12.5 %. The sequence: a letter (a–h), T − 1 random letters of the same eight,"
                       " then \"?\"; the answer is the first letter. A point is the mean of %1 seeds; each run"
                       " trains on fresh examples (%2 a step, at most %3 steps, stopping at %4 %) and is scored on"
                       " 512 held-out sequences. Gated cells start with their memory open (forget bias %5)."),
    QT_TRANSLATE_NOOP("dl::Core", "Gradients through time: ‖∂L/∂a⟨t⟩‖ with the loss at the last step"),
    QT_TRANSLATE_NOOP("dl::Core", "Gradient norm against distance from the loss"),
    QT_TRANSLATE_NOOP("dl::Core", "steps between t and the loss"),
    QT_TRANSLATE_NOOP("dl::Core", "at the loss"),
    QT_TRANSLATE_NOOP("dl::Core", "10 steps back"),
    QT_TRANSLATE_NOOP("dl::Core", "all the way back"),
    QT_TRANSLATE_NOOP("dl::Core", "ratio"),
    QT_TRANSLATE_NOOP("dl::Core", "Measured %1 on %2 sequences of the remember task, T = %3, hidden %4. A plain RNN's"
                       " gradient shrinks by a factor at every step back; the gated cells pass it on."),
    QT_TRANSLATE_NOOP("dl::Core", "after %1 training steps"),
    QT_TRANSLATE_NOOP("dl::Core", "at initialisation"),
    QT_TRANSLATE_NOOP("dl::Core", "Tagging: inside a closed pair of brackets? One-way against bidirectional"),
    QT_TRANSLATE_NOOP("dl::Core", "%1, bidirectional"),
    QT_TRANSLATE_NOOP("dl::Core", "%1, one-way"),
    QT_TRANSLATE_NOOP("dl::Core", "Classify a sequence: which of a, b, c occurs most often? (many-to-one)"),
    QT_TRANSLATE_NOOP("dl::Core", "Held-out accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "training steps"),
    QT_TRANSLATE_NOOP("dl::Core", "run"),
    QT_TRANSLATE_NOOP("dl::Core", "parameters"),
    QT_TRANSLATE_NOOP("dl::Core", "accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "example"),
    QT_TRANSLATE_NOOP("dl::Core", "Each step trains on %1 fresh sequences; accuracy over the targeted positions of 512 held-out ones."),
    QT_TRANSLATE_NOOP("dl::Core", "Exploding gradients: the same run without and with clipping"),
    QT_TRANSLATE_NOOP("dl::Core", "clip ±%1"),
    QT_TRANSLATE_NOOP("dl::Core", "Gradient norm before clipping (largest of every 10 steps)"),
    QT_TRANSLATE_NOOP("dl::Core", "step"),
    QT_TRANSLATE_NOOP("dl::Core", "Loss per character (mean of every 10 steps)"),
    QT_TRANSLATE_NOOP("dl::Core", "nats"),
    QT_TRANSLATE_NOOP("dl::Core", "no clipping"),
    QT_TRANSLATE_NOOP("dl::Core", "largest ‖∂J/∂θ‖"),
    QT_TRANSLATE_NOOP("dl::Core", "loss/char, last 100 steps"),
    QT_TRANSLATE_NOOP("dl::Core", "diverged at"),
    QT_TRANSLATE_NOOP("dl::Core", "step %1"),
    QT_TRANSLATE_NOOP("dl::Core", "%1, hidden %2, %3 at α %4, weights ~ N(0, %5²); a uniform guess costs %6 nats per character."),
    QT_TRANSLATE_NOOP("dl::Core", "%1, hidden %2, %3 at α %4, weights ~ N(0, %5²); a uniform guess costs %6 nats per"
                       " character. Without clipping the loss became NaN at step %7."),
    QT_TRANSLATE_NOOP("dl::Core", "gradient descent"),
    QT_TRANSLATE_NOOP("dl::Core", "GRU against LSTM: the same corpus, settings and steps"),
    QT_TRANSLATE_NOOP("dl::Core", "Dev loss against epochs"),
    QT_TRANSLATE_NOOP("dl::Core", "epochs"),
    QT_TRANSLATE_NOOP("dl::Core", "nats per character"),
    QT_TRANSLATE_NOOP("dl::Core", "s per epoch"),
    QT_TRANSLATE_NOOP("dl::Core", "chars/s"),
    QT_TRANSLATE_NOOP("dl::Core", "memory (MB)"),
    QT_TRANSLATE_NOOP("dl::Core", "dev loss"),
    QT_TRANSLATE_NOOP("dl::Core", "Hidden %1, %2 layer(s), window %3, batch %4, %5 steps each, timed one step at a time in"
                       " turns (the dev loss's time not counted). Memory: weights, gradients, optimiser moments"
                       " and the activations kept for backpropagation."),
    QT_TRANSLATE_NOOP("dl::Core", "Labelling strategies"),
    QT_TRANSLATE_NOOP("dl::Core", "test accuracy against labels used"),
    QT_TRANSLATE_NOOP("dl::Core", "labels used"),
    QT_TRANSLATE_NOOP("dl::Core", "test accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "labels bought against labels used"),
    QT_TRANSLATE_NOOP("dl::Core", "labels bought"),
    QT_TRANSLATE_NOOP("dl::Core", "strategy"),
    QT_TRANSLATE_NOOP("dl::Core", "spread (sd)"),
    QT_TRANSLATE_NOOP("dl::Core", "label accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "%1 added, %2 % right"),
    QT_TRANSLATE_NOOP("dl::Core", "%1 % covered, %2 % right; seed alone %3"),
    QT_TRANSLATE_NOOP("dl::Core", "Fashion-MNIST with its labels hidden: a pool of %1 images, %2 labelled a class to start,"
                       " %3 rounds of %4 labels, %5 test images; %6"),
    QT_TRANSLATE_NOOP("dl::Core", "the mean of %1 seeds."),
    QT_TRANSLATE_NOOP("dl::Core", "one seed."),
    QT_TRANSLATE_NOOP("dl::Core", "random"),
    QT_TRANSLATE_NOOP("dl::Core", "least-confident"),
    QT_TRANSLATE_NOOP("dl::Core", "margin"),
    QT_TRANSLATE_NOOP("dl::Core", "entropy"),
    QT_TRANSLATE_NOOP("dl::Core", "committee"),
    QT_TRANSLATE_NOOP("dl::Core", "self-training"),
    QT_TRANSLATE_NOOP("dl::Core", "weak"),
    QT_TRANSLATE_NOOP("dl::Core", "none: α₀"),
    QT_TRANSLATE_NOOP("dl::Core", "inverse-time: α₀/(1 + %1·e)"),
    QT_TRANSLATE_NOOP("dl::Core", "exponential: α₀·%1^e"),
    QT_TRANSLATE_NOOP("dl::Core", "fixed interval: α₀/(1 + %1·⌊e/%2⌋)"),
    QT_TRANSLATE_NOOP("dl::Core", "inverse-sqrt: α₀·%1/√(e+1)"),
    QT_TRANSLATE_NOOP("dl::Core", "staircase: α₀·%1^⌊e/%2⌋"),
    QT_TRANSLATE_NOOP("dl::Core", "Learning-rate schedules: α against the epoch"),
    QT_TRANSLATE_NOOP("dl::Core", "mean mini-batch cost per epoch"),
    QT_TRANSLATE_NOOP("dl::Core", "epoch"),
    QT_TRANSLATE_NOOP("dl::Core", "cost"),
    QT_TRANSLATE_NOOP("dl::Core", "α the trainer used (before training: the formula)"),
    QT_TRANSLATE_NOOP("dl::Core", "Press Run to train once per schedule from the same initial weights and batch order."),
    QT_TRANSLATE_NOOP("dl::Core", "α the trainer used, per epoch"),
    QT_TRANSLATE_NOOP("dl::Core", "schedule"),
    QT_TRANSLATE_NOOP("dl::Core", "α at the last epoch"),
    QT_TRANSLATE_NOOP("dl::Core", "train accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "dev accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "final cost"),
    QT_TRANSLATE_NOOP("dl::Core", "diverged"),
    QT_TRANSLATE_NOOP("dl::Core", "Each schedule trains %1 epochs of %2 from α₀ = %3 (batch %4) from the same initial weights"
                       " and batch order. The lower plot is the α each step used, read from the trainer, not the"
                       " formula: a large α early covers ground, a small α late lets the mini-batch noise settle"
                       " near the minimum."),
    QT_TRANSLATE_NOOP("dl::Core", "α range test"),
    QT_TRANSLATE_NOOP("dl::Core", "loss as α grows (one step per α)"),
    QT_TRANSLATE_NOOP("dl::Core", "α (log scale)"),
    QT_TRANSLATE_NOOP("dl::Core", "mini-batch loss"),
    QT_TRANSLATE_NOOP("dl::Core", "smoothed loss"),
    QT_TRANSLATE_NOOP("dl::Core", "suggested α = %1"),
    QT_TRANSLATE_NOOP("dl::Core", "suggested α (steepest fall)"),
    QT_TRANSLATE_NOOP("dl::Core", "α at the lowest loss"),
    QT_TRANSLATE_NOOP("dl::Core", "lowest loss / 10 rule"),
    QT_TRANSLATE_NOOP("dl::Core", "steps run"),
    QT_TRANSLATE_NOOP("dl::Core", "α grows exponentially from %1 to %2 over %3 mini-batches of %4 (Smith 2017). Too small:"
                       " the loss barely moves; too large: it blows up%5. Train at the α where it falls fastest,"
                       " about a tenth of where it is lowest."),
    QT_TRANSLATE_NOOP("dl::Core", " (the run stopped there)"),
    QT_TRANSLATE_NOOP("dl::Core", "share of the layer"),
    QT_TRANSLATE_NOOP("dl::Core", "layer %1"),
    QT_TRANSLATE_NOOP("dl::Core", "layer %1 (%2 % zeros)"),
    QT_TRANSLATE_NOOP("dl::Core", "Initialisation in depth"),
    QT_TRANSLATE_NOOP("dl::Core", "activations at step 0"),
    QT_TRANSLATE_NOOP("dl::Core", "hidden layer"),
    QT_TRANSLATE_NOOP("dl::Core", "std of the activations"),
    QT_TRANSLATE_NOOP("dl::Core", "weight gradients at step 0"),
    QT_TRANSLATE_NOOP("dl::Core", "std of dL/dW"),
    QT_TRANSLATE_NOOP("dl::Core", "activations after training (dashed: now)"),
    QT_TRANSLATE_NOOP("dl::Core", "weight gradients after training (dashed: now)"),
    QT_TRANSLATE_NOOP("dl::Core", "initialisation"),
    QT_TRANSLATE_NOOP("dl::Core", "cost at step 0"),
    QT_TRANSLATE_NOOP("dl::Core", "cost after"),
    QT_TRANSLATE_NOOP("dl::Core", "activation std, layer 1 → last (step 0)"),
    QT_TRANSLATE_NOOP("dl::Core", "histogram of the activations per layer"),
    QT_TRANSLATE_NOOP("dl::Core", "histogram of dL/dW per layer"),
    QT_TRANSLATE_NOOP("dl::Core", "%1 (now)"),
    QT_TRANSLATE_NOOP("dl::Core", "activations per layer: %1"),
    QT_TRANSLATE_NOOP("dl::Core", "dL/dW per layer: %1"),
    QT_TRANSLATE_NOOP("dl::Core", "%1, step %2"),
    QT_TRANSLATE_NOOP("dl::Core", "%1 hidden layers of %2 %3 units%4 on %5, all trained on, %6 steps of %7 (α %8, batch %9)"
                       " per initialisation from the same seed. Zeros: every unit the same, nothing to learn;"
                       " ×0.01: the activations and gradients vanish layer after layer; ×10: they explode; He"
                       " keeps ReLU activations about level (Xavier, made for tanh, halves their variance a"
                       " layer)."),
    QT_TRANSLATE_NOOP("dl::Core", "%1 hidden layers of %2 %3 units%4 on %5, all trained on, %6 steps of %7 (α %8, batch %9)"
                       " per initialisation from the same seed. Batch norm rescales every layer's pre-activations:"
                       " the spreads stay level whatever the scale of the weights, and only zeros (every unit the"
                       " same) is left with nothing to learn."),
    QT_TRANSLATE_NOOP("dl::Core", " with batch norm"),
    QT_TRANSLATE_NOOP("dl::Core", "%1 (%2 points)"),
    QT_TRANSLATE_NOOP("dl::Core", "Fashion-MNIST (its first %1 test images, %2 pixels each, 10 classes)"),
    QT_TRANSLATE_NOOP("dl::Core", "no regularisation"),
    QT_TRANSLATE_NOOP("dl::Core", "dropout, keep_prob = %1"),
    QT_TRANSLATE_NOOP("dl::Core", "Regularisation: the same over-fitting network three ways"),
    QT_TRANSLATE_NOOP("dl::Core", "train (solid) and dev (dashed) accuracy"),
    QT_TRANSLATE_NOOP("dl::Core", "accuracy %"),
    QT_TRANSLATE_NOOP("dl::Core", "the weights' norm ‖W‖"),
    QT_TRANSLATE_NOOP("dl::Core", "‖W‖ (Frobenius)"),
    QT_TRANSLATE_NOOP("dl::Core", "network"),
    QT_TRANSLATE_NOOP("dl::Core", "train − dev"),
    QT_TRANSLATE_NOOP("dl::Core", "%1: train"),
    QT_TRANSLATE_NOOP("dl::Core", "%1: dev"),
    QT_TRANSLATE_NOOP("dl::Core", "%1 %2 points (noise %3), half held out as dev; hidden layers of %4 units; %5 steps of GD"
                       " at α %6 from the same weights. Unregularised, the boundary bends round single noisy"
                       " points: train accuracy climbs, dev does not follow. L2 (COURSE.md §3: J + λ/2m·Σ‖W‖²)"
                       " keeps ‖W‖ small and the boundary smooth; dropout trains thinned networks, so no unit can"
                       " rely on another."),
    QT_TRANSLATE_NOOP("dl::Core", "learning rate α"),
    QT_TRANSLATE_NOOP("dl::Core", "β (momentum, RMSprop)"),
    QT_TRANSLATE_NOOP("dl::Core", "dropout keep_prob"),
    QT_TRANSLATE_NOOP("dl::Core", "units of the first hidden layer"),
    QT_TRANSLATE_NOOP("dl::Core", "hidden units (one layer)"),
    QT_TRANSLATE_NOOP("dl::Core", "optimizer"),
    QT_TRANSLATE_NOOP("dl::Core", "mini-batch size"),
    QT_TRANSLATE_NOOP("dl::Core", "batch"),
    QT_TRANSLATE_NOOP("dl::Core", "Playground model"),
    QT_TRANSLATE_NOOP("dl::Core", "Images lab model"),
    QT_TRANSLATE_NOOP("dl::Core", "Sequence lab model"),
    QT_TRANSLATE_NOOP("dl::Core", "Course: planar flower, 2-4-1 tanh"),
    QT_TRANSLATE_NOOP("dl::Core", "Course: logistic regression on the flower"),
    QT_TRANSLATE_NOOP("dl::Core", "Course: moons, mini-batch GD"),
    QT_TRANSLATE_NOOP("dl::Core", "Course: moons, Adam"),
    QT_TRANSLATE_NOOP("dl::Core", "Initialisation: zeros"),
    QT_TRANSLATE_NOOP("dl::Core", "Initialisation: He"),
    QT_TRANSLATE_NOOP("dl::Core", "Regularisation: L2 on noisy moons"),
    QT_TRANSLATE_NOOP("dl::Core", "Softmax: three-arm spiral"),
};

} // namespace

QString coreText(const std::string& english)
{
    static const bool registered = [] { // each template once, so that retranslated() knows it
        for (const char* t : kCoreTexts) QCoreApplication::translate("dl::Core", t);
        return true;
    }();
    (void)registered;
    return retranslated(QString::fromStdString(english));
}

QString decayTitle(dl::Decay d)
{
    switch (d) { // COURSE.md §4 "Learning-rate decay"
    case dl::Decay::None: return QCoreApplication::translate("dl::Decay", "no decay");
    case dl::Decay::InverseTime: return QCoreApplication::translate("dl::Decay", "inverse-time");
    case dl::Decay::Exponential: return QCoreApplication::translate("dl::Decay", "exponential");
    case dl::Decay::Step: return QCoreApplication::translate("dl::Decay", "step decay");
    case dl::Decay::InverseSqrt: return QCoreApplication::translate("dl::Decay", "inverse-sqrt");
    case dl::Decay::Staircase: return QCoreApplication::translate("dl::Decay", "staircase");
    }
    return {};
}

} // namespace lab
