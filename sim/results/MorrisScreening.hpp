#pragma once
// Morris elementary-effects screening (Morris, Technometrics 33(2), 1991; μ* after
// Campolongo, Cariboni and Saltelli, Environ. Model. Softw. 22, 2007): r trajectories
// through a grid of p levels on the unit cube, each moving one parameter at a time by
// Δ = p / (2 (p - 1)); the elementary effect of parameter j is the change of the output
// per unit of its (scaled) range. μ* (mean |EE|) ranks influence; σ (their standard
// deviation) flags non-linearity or interaction. Pure, no SimGrid: the design is drawn
// from its own named random stream of the seed, so it depends on (k, r, p, seed) alone.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rongou {

struct MorrisDesign {
  std::size_t parameters = 0;
  std::size_t trajectories = 0;
  std::size_t levels = 0;
  double delta = 0.0;
  // (parameters + 1) · trajectories points in [0, 1]^parameters, trajectory by trajectory.
  std::vector<std::vector<double>> points;
  // For point i that is not the first of its trajectory: the parameter it moved, and by how
  // much (+delta or -delta). moved[i] == parameters for the first point of a trajectory.
  std::vector<std::size_t> moved;
  std::vector<double> step;
};

// Throws std::invalid_argument unless parameters >= 1, trajectories >= 1, levels even >= 2.
MorrisDesign morris_design(std::size_t parameters, std::size_t trajectories, std::size_t levels,
                           std::uint64_t seed);

struct MorrisEffect {
  std::size_t effects = 0; // elementary effects measured (NaN outputs are skipped)
  double mu = 0.0;         // mean elementary effect
  double mu_star = 0.0;    // mean |elementary effect|
  double sigma = 0.0;      // standard deviation of the elementary effects (n - 1); NaN if < 2
};

// `outputs[i]` is the model output at design.points[i] (NaN where the run failed).
// Effects are per unit of the scaled range: multiply nothing, they read as "the change of
// the output when the parameter crosses its whole range", for a linear response.
std::vector<MorrisEffect> morris_effects(const MorrisDesign& design, const std::vector<double>& outputs);

} // namespace rongou
