// The journal's compact optional time and interned node names must behave exactly like the
// std::optional<double> and strings they stand for: every output file is written from them.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "journal/Journal.hpp"
#include "journal/OptionalHours.hpp"

using namespace rongou;

TEST(OptionalHours, StartsEmptyAndHoldsWhatIsStored) {
  OptionalHours h;
  EXPECT_FALSE(h.has_value());
  EXPECT_FALSE(static_cast<bool>(h));
  EXPECT_TRUE(h == std::nullopt);
  EXPECT_DOUBLE_EQ(h.value_or(-1.0), -1.0);
  EXPECT_THROW((void)h.value(), std::bad_optional_access);

  h = 12.5;
  ASSERT_TRUE(h.has_value());
  EXPECT_TRUE(static_cast<bool>(h));
  EXPECT_FALSE(h == std::nullopt);
  EXPECT_EQ(*h, 12.5);
  EXPECT_EQ(h.value(), 12.5);
  EXPECT_EQ(h.value_or(-1.0), 12.5);

  h.reset();
  EXPECT_FALSE(h.has_value());
  h = 3.0;
  h = std::nullopt;
  EXPECT_FALSE(h.has_value());
}

TEST(OptionalHours, ZeroNegativeAndInfiniteTimesAreValuesNotEmpty) {
  // Hour 0 is the start of the run; a bit-pattern bug would confuse it (all zero bits) or
  // -0.0 with "empty".
  for (double t : {0.0, -0.0, -24.0, 1e-300, std::numeric_limits<double>::denorm_min(),
                   std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                   std::numeric_limits<double>::max()}) {
    const OptionalHours h = t;
    ASSERT_TRUE(h.has_value()) << t;
    EXPECT_EQ(std::signbit(*h), std::signbit(t)) << t;
    EXPECT_EQ(*h, t) << t;
  }
}

TEST(OptionalHours, StoringNaNIsALogicError) {
  OptionalHours h = 5.0;
  EXPECT_THROW(h = std::numeric_limits<double>::quiet_NaN(), std::logic_error);
  EXPECT_THROW(h = -std::numeric_limits<double>::quiet_NaN(), std::logic_error);
  EXPECT_THROW(h = std::numeric_limits<double>::signaling_NaN(), std::logic_error);
  EXPECT_THROW(OptionalHours{std::optional<double>(std::nan("1"))}, std::logic_error);
  // A failed store leaves the old value, not "empty".
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(*h, 5.0);
}

TEST(OptionalHours, ConvertsToAndFromStdOptional) {
  const std::optional<double> none;
  const std::optional<double> some = 7.25;
  OptionalHours h = some;
  EXPECT_EQ(static_cast<std::optional<double>>(h), some);
  h = none;
  EXPECT_EQ(static_cast<std::optional<double>>(h), none);
  EXPECT_EQ(OptionalHours(2.0), OptionalHours(2.0));
  EXPECT_FALSE(OptionalHours(2.0) == OptionalHours());
  EXPECT_EQ(OptionalHours(), OptionalHours(std::nullopt));
}

TEST(OptionalHours, RecordsStaySmall) {
  EXPECT_EQ(sizeof(OptionalHours), sizeof(double));
  // Thirteen wait causes (with incidents, inspection holds and ferries); two
  // std::optional<double> times would make it 168.
  EXPECT_LE(sizeof(ContainerRecord), 152u);
  EXPECT_LT(sizeof(SeaRecord), 120u);
  EXPECT_LE(sizeof(TrainEvent), 16u);
}

TEST(NodeNames, SameNameSameIndexAndTheNameComesBack) {
  const NodeIndex brest = intern_node_name("Brest-test");
  const NodeIndex mal = intern_node_name(std::string("Malaszewicze-test"));
  EXPECT_NE(brest, mal);
  EXPECT_EQ(intern_node_name("Brest-test"), brest);
  EXPECT_EQ(interned_node_name(brest), "Brest-test");
  EXPECT_EQ(interned_node_name(mal), "Malaszewicze-test");

  const TrainEvent e(3, TrainEventKind::YardStart, 42.5, intern_node_name("Brest-test"));
  EXPECT_EQ(e.train, 3);
  EXPECT_EQ(e.kind, TrainEventKind::YardStart);
  EXPECT_EQ(e.time_h, 42.5);
  EXPECT_EQ(e.node_name(), "Brest-test");

  const YardSample y(intern_node_name("Malaszewicze-test"), 10.0, 2, 1);
  EXPECT_EQ(y.yard_name(), "Malaszewicze-test");
  EXPECT_EQ(y.trains_queued, 2);
  EXPECT_EQ(y.trains_on_tracks, 1);
}

TEST(NodeNames, ViewsStayValidAsTheTableGrows) {
  const std::string_view first = interned_node_name(intern_node_name("first-test"));
  for (int i = 0; i < 2000; ++i)
    intern_node_name("grow-" + std::to_string(i));
  EXPECT_EQ(first, "first-test");
  EXPECT_EQ(interned_node_name(intern_node_name("first-test")), "first-test");
}
