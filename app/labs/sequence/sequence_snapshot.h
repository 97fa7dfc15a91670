// SPDX-License-Identifier: MIT
// What the Sequence lab's page and worker exchange (copies only): the run's settings, progress with the
// loss points and fresh samples, and the "look inside" probe of a text.
#pragma once
#include "core/seq/char_trainer.h"
#include "widgets/curve_points.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

struct SequenceConfig {
    QString corpus;                  // a file (corpora/… or the user's)
    dl::CorpusMode mode = dl::CorpusMode::Lines;
    bool lowercase = true;           // the course lower-cases the dinosaur list
    dl::CharRunSpec run = dl::courseDinosaurRun();
    long iterations = 35000;         // stop after
    int sampleEvery = 2000;          // steps between samples (the course: 2000)
    dl::SampleOptions sampling;      // temperature, top-k, prime, length
};

struct SequenceSnapshot {
    long runId = 0;
    CurveUpdate curve;         // loss per character of each step; dev loss at evaluations
    double smoothed = 0;       // the course's smoothed loss (lines mode)
    double devLoss = NAN;      // nats per character, last evaluation
    long step = 0, iterations = 0;
    double charsPerSecond = 0; // training only
    QStringList samples;       // drawn since the last snapshot, in order
    QStringList sampleSteps;   // "step 2000" for each
    bool running = false, finished = false;
};

// Once per run: what the page shows about the model and the corpus.
struct SequencePrepared {
    long runId = 0;
    QString summary; // "dinos.txt: 1 466 names, 27 symbols; RNN 50 × 1, 5 277 parameters"
    QStringList symbols;
};

// The model read on a text (the lab's "look inside", COURSE.md §11): for each position the next-character
// distribution's top entries, each layer's hidden state and gates.
struct SequenceProbe {
    QString text;
    QStringList symbols;                    // the vocabulary's labels
    std::vector<std::vector<float>> next;   // per position 0..|text|: the distribution (V)
    std::vector<std::vector<float>> hidden; // per position 1..|text|: the top layer's a⟨t⟩ (n)
    std::vector<std::vector<float>> gates;  // per position: the top layer's gates (G·n)
    QStringList gateNames;                  // "Γu", "Γr", ... of the rows of `gates`, n each
};

} // namespace lab
