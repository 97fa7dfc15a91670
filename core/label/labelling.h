// SPDX-License-Identifier: MIT
// Labelling smartly (course chapter 12, "data labelling"): from a pool of images with hidden labels and a
// small labelled seed, each round buys `batch` labels, retrains the model from the same initial weights and
// measures it on the test set. Which images to ask about:
//   random          a uniform draw
//   least-confident the lowest top probability, 1 − max p (Settles, "Active Learning Literature Survey", 2009)
//   margin          the smallest gap between the two most probable classes, p₁ − p₂
//   entropy         the highest −Σ p log p
//   committee       the most disagreement among models trained on bootstrap samples (vote entropy; query by
//                   committee, Seung, Opper & Sompolinsky 1992)
//   self-training   random, and the model's predictions above a confidence threshold join the training set
//                   as labels each round (how many, how many wrong)
//   weak            random, and the votes of the user's rules (weak_rules.h) label the pool as well
// The labels come from simulated annotators (annotators.h). The model: softmax regression or an MLP on the
// pixels centred on the pool's mean picture, trained with Adam on the shared training loop. Seeded: the same
// spec gives the same rounds.
#pragma once
#include "core/label/annotators.h"
#include "core/label/label_data.h"
#include "core/label/weak_rules.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dl {

class CancelFlag;

enum class Strategy { Random, LeastConfident, Margin, Entropy, Committee, SelfTraining, Weak };
const char* strategyName(Strategy s); // "random", "least-confident", ...
std::optional<Strategy> strategyFromName(const std::string& name);
std::vector<Strategy> allStrategies();

// How much an active-learning strategy wants an image labelled (higher first) from its class probabilities p:
// least-confident 1 − max p, margin −(p₁ − p₂), entropy −Σ p ln p (Settles 2009, §3.1).
double queryScore(Strategy s, const std::vector<float>& p);

struct LabelSpec {
    Strategy strategy = Strategy::Random;
    int labelledPerClass = 10; // the seed, drawn per class
    int rounds = 10, batch = 100;
    int committee = 3;       // models in the committee
    double threshold = 0.95; // self-training's confidence
    std::string rules, rulesName = "rules"; // weak: the rules' text and its file's name (for messages)
    int weakPerClass = 0; // weak: at most this many weak labels a class join (a seeded draw; 0: all); the
                          // rules cover a few classes, and the model trained on their votes has its class
                          // balance matched back to the seed model's on the pool (matchPoolPrior)
    AnnotatorSpec annotators;
    std::vector<int> hidden;                // the model's hidden layers; empty: softmax regression
    int epochs = 20, miniBatch = 32;
    float lr = 0.005f;
    std::uint32_t seed = 1;
};

struct LabelRound {
    int labelsUsed = 0;   // images a person labelled (the seed included)
    int labelsBought = 0; // answers paid for (several per image when annotators vote; screening included)
    double testAccuracy = 0;
    double labelAccuracy = 1; // of the bought labels, the share that is right
    int pseudoAdded = 0, pseudoWrong = 0; // self-training, this round
    int pseudoTotal = 0;                   // self-training labels in the training set
    int weakUsed = 0;                      // weak labels in the training set
};

class LabelSession {
  public:
    // ConfigError for a spec out of range; DataError for rules that do not parse.
    LabelSession(const LabelSpec& spec, std::shared_ptr<const LabelData> data);
    ~LabelSession();

    // One round: the seed and its model first, then one purchase each. False when every round is done.
    // Stops at a cancel (dl::Cancelled) between training steps.
    bool step(const CancelFlag* cancel = nullptr);
    bool done() const { return int(m_rounds.size()) > m_spec.rounds; }
    const std::vector<LabelRound>& rounds() const { return m_rounds; }
    const LabelSpec& spec() const { return m_spec; }
    const LabelData& data() const { return *m_data; }
    const WeakLabels* weak() const { return m_weak ? &*m_weak : nullptr; }
    double seedOnlyAccuracy() const { return m_seedOnly; } // the model of the seed alone (weak: before the votes)
    int annotatorsKept() const { return m_annotators.kept(); }
    const std::vector<int>& lastQueried() const { return m_lastQueried; } // the images bought last round
    const std::vector<int>& labels() const { return m_label; }              // per pool image, -1: none

    // The same loop with a person answering (a pool without hidden labels, loadPicturePool): the pictures the
    // strategy most wants labelled (a seeded random draw before there is a model), the person's answer —
    // counted as agreeing or not with the model's guess — and a retraining once two classes have answers.
    std::vector<int> wanted(int n, const CancelFlag* cancel = nullptr);
    void answer(int item, int label); // ConfigError for an item or class out of range
    bool retrain(const CancelFlag* cancel = nullptr); // false while fewer than two classes have answers
    bool hasModel() const { return m_poolProb.size() > 0; }
    int guess(int item) const; // the model's class for a pool picture, -1 without a model
    const std::vector<char>& agreements() const { return m_agreed; } // per answer given with a model: it agreed

  private:
    struct Model;
    void train(const CancelFlag* cancel);
    std::vector<int> query(size_t n, const CancelFlag* cancel);
    void addPseudoLabels(LabelRound& r);
    void record();

    LabelSpec m_spec;
    std::shared_ptr<const LabelData> m_data;
    Annotators m_annotators;
    std::vector<WeakRule> m_rules;
    std::optional<WeakLabels> m_weak;
    std::vector<int> m_label;  // per pool image: the label in the training set, -1 none
    std::vector<char> m_human; // per pool image: labelled by a person
    std::vector<char> m_pseudo;
    std::vector<int> m_lastQueried;
    std::vector<char> m_agreed;
    Tensor m_poolX, m_testX; // the pixels centred on the pool's mean picture: what the models see
    Tensor m_poolProb;       // (classes, pool) of the last model
    std::vector<double> m_poolPrior; // weak: the seed model's mean class probabilities over the pool
    double m_testAccuracy = 0, m_seedOnly = 0;
    int m_bought = 0;
    Rng m_rng;
    std::vector<LabelRound> m_rounds;
};

} // namespace dl
