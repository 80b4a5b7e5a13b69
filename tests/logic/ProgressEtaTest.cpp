// The time left that the AI and training panels show, from the progress the worker reports.
#include "logic/ProgressEta.h"

#include "CoreApp.h"

#include <gtest/gtest.h>

using lumen::logic::ProgressEta;

TEST(ProgressEta, ExtrapolatesTheCurrentStagesRate) {
    lumen::test::coreApp();
    ProgressEta eta;
    eta.update(0.0, "network", 0);
    eta.update(0.05, "network", 2000);
    EXPECT_FALSE(eta.secondsLeft()) << "too early to say";
    eta.update(0.25, "network", 5000);
    ASSERT_TRUE(eta.secondsLeft());
    EXPECT_DOUBLE_EQ(*eta.secondsLeft(), 15.0);  // a quarter in 5 s: three quarters in 15 s
    EXPECT_EQ(eta.text().toStdString(), "about 15 s left");
    eta.update(0.0, "postprocess", 6000);
    EXPECT_FALSE(eta.secondsLeft()) << "a new stage starts over";
    eta.update(0.25, "postprocess", 606000);
    EXPECT_EQ(eta.text().toStdString(), "about 30 min left");  // a quarter in 600 s: 1800 s left
}

TEST(ProgressEta, AResumedJobCountsOnlyWhatItDidSinceItResumed) {
    lumen::test::coreApp();
    ProgressEta eta;
    eta.update(0.6, "train", 0);  // resumed at 60 %
    eta.update(0.7, "train", 10000);
    ASSERT_TRUE(eta.secondsLeft());
    EXPECT_DOUBLE_EQ(*eta.secondsLeft(), 30.0);  // 10 % in 10 s: the last 30 % in 30 s
}
