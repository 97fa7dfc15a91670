// SPDX-License-Identifier: MIT
// The training-dynamics lab's worker: owns the optimiser race (core/dynamics/race.h) and steps it at a pace
// a person can follow (steps per second, set live), up to an iteration limit; Step takes one iteration.
#pragma once
#include "dynamics_snapshot.h"
#include "widgets/lab_worker.h"

#include "core/dynamics/race.h"

#include <QElapsedTimer>
#include <memory>

namespace lab {

struct RaceConfig {
    dl::Surface surface;
    double startX = 0, startY = 0;
    std::vector<dl::RacerSpec> racers;
    double noise = 0;
    long maxIterations = 2000;
};

class DynamicsWorker : public LabWorker {
    Q_OBJECT
  public:
    void configure(const RaceConfig& c); // a new race from the start (a ConfigError: one sentence)
    void setSpec(int racer, const dl::RacerSpec& s);
    void setNoise(double sigma);
    void setSpeed(int stepsPerSecond) { m_speed = std::max(1, stepsPerSecond); }
    void setMaxIterations(long n) { m_cfg.maxIterations = n; }
    void stepOnce();

  signals:
    void raced(const lab::RaceSnapshot& s);

  protected:
    bool canStart() override;
    bool workChunk() override;
    void sendSnapshot(bool final) override;
    int chunkDelayMs() const override { return 20; }

  private:
    RaceConfig m_cfg;
    std::unique_ptr<dl::Race> m_race;
    int m_speed = 100;
    double m_owed = 0;     // steps due at this pace, carried between chunks
    QElapsedTimer m_clock; // since the last chunk
    std::vector<size_t> m_sent; // per racer: the points the page has
    bool m_fresh = true;        // the next snapshot starts the tracks again
};

} // namespace lab
