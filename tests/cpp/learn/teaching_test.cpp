// Learning a person's handwriting: the rehearsal digits drawn by code are digits the shipped
// model reads; teaching a writer whose every digit is bent the same way (made from those drawn
// digits, so no data set is needed) reads that writer's unseen digits better and others' no
// worse; the fixed layers stay fixed; bad requests are refused in words.
#include <gtest/gtest.h>

#include <array>

#include "evaluate/learning_writers.h"
#include "learn/digit_jitter.h"
#include "learn/drawn_digits.h"
#include "learn/teaching.h"
#include "recognize/recognizer.h"

namespace scrawl {
namespace {

std::unique_ptr<Recognizer> reader() {
  auto r = Recognizer::from_embedded();
  EXPECT_TRUE(r.ok());
  return std::move(r.value());
}

double share_read_right(const Network& model, const learn::DrawnDigits& set) {
  const auto read = learn::predict(model, set.pixels);
  int right = 0;
  for (size_t i = 0; i < read.size(); ++i) right += read[i] == set.labels[i];
  return double(right) / double(read.size());
}

TEST(DrawnDigits, EveryStyleOfEveryDigitIsOneTheShippedModelReads) {
  auto r = reader();
  const learn::DrawnDigits set = learn::drawn_digit_set(20, 5);
  ASSERT_EQ(set.labels.size(), 200u);
  EXPECT_GE(share_read_right(r->model().network, set), 0.95);
  // Same seed, same digits: the rehearsal set does not change from one teaching to the next.
  EXPECT_EQ(learn::drawn_digit_set(2, 5).pixels, learn::drawn_digit_set(2, 5).pixels);
}

TEST(DigitJitter, MovesTheInkWithoutLosingIt) {
  const learn::DrawnDigits set = learn::drawn_digit_set(1, 3);
  for (size_t i = 0; i < set.pixels.size(); ++i) {
    Rng rng(9, i, 0);
    DigitPixels moved;
    learn::jitter_digit(set.pixels[i], rng, moved);
    double before = 0, after = 0;
    for (size_t k = 0; k < moved.size(); ++k) before += set.pixels[i][k], after += moved[k];
    EXPECT_NE(moved, set.pixels[i]);
    EXPECT_GT(after, 0.5 * before);
    EXPECT_LT(after, 2.0 * before);
  }
}

// A writer who writes every digit turned far to the side: drawn digits in synthetic hand 1.
std::vector<learn::Sample> sideways_writer(Recognizer& r, int per_digit, uint64_t seed) {
  std::vector<learn::Sample> out;
  std::array<uint8_t, 784> digit{};
  for (int i = 0; i < per_digit; ++i)
    for (int d = 0; d < 10; ++d) {
      Rng rng(seed, uint64_t(d), uint64_t(i));
      learn::draw_digit_strokes(learn::digit_strokes(d, i, rng), rng.uniform(1.8f, 2.8f), rng, digit.data());
      auto read = r.recognize_gray(in_synthetic_hand(digit.data(), 1));
      if (read) out.push_back({read->input, uint8_t(d)});
    }
  return out;
}

int right_on(const Network& model, const std::vector<learn::Sample>& samples) {
  std::vector<DigitPixels> inputs;
  for (const auto& s : samples) inputs.push_back(s.pixels);
  const auto read = learn::predict(model, inputs);
  int right = 0;
  for (size_t i = 0; i < read.size(); ++i) right += read[i] == samples[i].label;
  return right;
}

TEST(Teaching, ASidewaysWriterIsReadBetterAfterwardsAndOthersNoWorse) {
  auto r = reader();
  const auto teach = sideways_writer(*r, 12, 101), unseen = sideways_writer(*r, 12, 202);
  ASSERT_GT(teach.size(), 80u);
  ASSERT_GT(unseen.size(), 80u);
  std::vector<learn::Sample> own, check;
  for (size_t i = 0; i < teach.size(); ++i) (i % 4 == 3 ? check : own).push_back(teach[i]);
  auto t = learn::Teaching::create(r->model().network, own, check, {});
  ASSERT_TRUE(t.ok()) << t.error().message;
  int steps = 0;
  while (!(*t)->finished()) (*t)->step(), ++steps;
  EXPECT_EQ(steps, (*t)->steps());
  const learn::Verdict v = (*t)->judge();
  const Network taught = (*t)->model();
  const int before = right_on(r->model().network, unseen), after = right_on(taught, unseen);
  // What the shipped model gets wrong of this hand, and what teaching gains on digits it never saw.
  EXPECT_LT(before, int(unseen.size()) * 95 / 100);
  EXPECT_GE(after, before + int(unseen.size()) / 20) << before << " -> " << after << " of " << unseen.size();
  EXPECT_TRUE(v.keep) << v.why;
  EXPECT_EQ(v.checked, int(check.size()));
  EXPECT_GE(v.rehearsal_after, v.rehearsal_before - learn::kRehearsalSlack);
  int confused = 0;
  for (int c : v.confusion_after) confused += c;
  EXPECT_EQ(confused, v.checked);
  // Only the last convolution and the classifier learnt: the first layers are as shipped.
  const Network& start = r->model().network;
  const size_t fixed_end = start.param_offset(start.layer_count() - 5);
  for (size_t j = 0; j < fixed_end; ++j) ASSERT_EQ(taught.params()[j], start.params()[j]) << j;
  // The personal model reads in the reader, as the page loads it.
  auto personal = Recognizer::from_weights(serialize_model({taught, r->model().metadata}, TensorType::kInt8));
  ASSERT_TRUE(personal.ok()) << personal.error().message;
  EXPECT_GE(right_on((*personal)->model().network, unseen), after - int(unseen.size()) / 50);
}

TEST(Teaching, AModelThatDoesNotImproveOnTheHeldBackDigitsIsNotKept) {
  auto r = reader();
  // Nothing unusual to learn: drawn digits the shipped model already reads, one step only.
  const learn::DrawnDigits set = learn::drawn_digit_set(4, 77);
  std::vector<learn::Sample> own, check;
  for (size_t i = 0; i < set.pixels.size(); ++i) (i % 4 == 3 ? check : own).push_back({set.pixels[i], set.labels[i]});
  learn::TeachOptions options;
  options.steps = 1;
  options.learning_rate = 0;  // nothing changes
  auto t = learn::Teaching::create(r->model().network, own, check, options);
  ASSERT_TRUE(t.ok());
  (*t)->step();
  const learn::Verdict v = (*t)->judge();
  EXPECT_FALSE(v.keep);
  EXPECT_EQ(v.right_before, v.right_after);
  EXPECT_NE(v.why.find("not kept"), std::string::npos) << v.why;
}

TEST(Teaching, RefusesWhatCannotBeTaughtInWords) {
  auto r = reader();
  const Network& model = r->model().network;
  auto none = learn::Teaching::create(model, {}, {}, {});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("no samples"), std::string::npos);
  std::vector<learn::Sample> bad(1);
  bad[0].label = 12;
  auto label = learn::Teaching::create(model, bad, {}, {});
  ASSERT_FALSE(label.ok());
  EXPECT_NE(label.error().message.find("0 to 9"), std::string::npos);
  auto not_digits = Network::from_spec("conv 4 3; relu; gap; dense 2; softmax", {1, 28, 28});
  ASSERT_TRUE(not_digits.ok());
  bad[0].label = 1;
  auto wrong_model = learn::Teaching::create(*not_digits, bad, {}, {});
  ASSERT_FALSE(wrong_model.ok());
  EXPECT_NE(wrong_model.error().message.find("does not read digits"), std::string::npos);
}

}  // namespace
}  // namespace scrawl
