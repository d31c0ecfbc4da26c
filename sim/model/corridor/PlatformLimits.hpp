#pragma once
// Upper bounds on the numbers of a platform (docs/scenarios.md, "Platform numbers"). They
// are far above any real corridor and keep every derived time finite: the slowest segment
// allowed (kMaxSegmentKm at 0.001 km/day) still takes a finite 2.4e10 hours, and every
// count fits an int exactly.
namespace rongou {

inline constexpr double kMaxSegmentKm = 1e6;          // 25 times round the Earth
inline constexpr double kMaxSpeedKmPerDay = 1e6;      // about 42,000 km/h
inline constexpr double kMaxPlatformCount = 1e6;      // tracks, cranes, FEU per train
inline constexpr double kMaxCraneRateFeuPerHour = 1e6;
inline constexpr double kMaxHandlingHours = 876000;   // the longest run, 36,500 days
// A train plans its way through every block of a single-track segment when it enters it:
// a block every 10 m of a 100 km line is far past any real line and still cheap to plan.
inline constexpr double kMaxPassingLoops = 10000;
inline constexpr double kMaxHeadwayMinutes = 10080;   // a week

} // namespace rongou
