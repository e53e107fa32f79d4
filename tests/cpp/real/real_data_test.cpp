// Real writers' data: loading trajectories, the writer split, and rendering them as people hand
// digits over (canvas PNGs, paper photos), and the shapes that are no digit.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "decode/decode.h"
#include "real/cheque_amounts.h"
#include "real/pen_samples.h"
#include "real/writer_split.h"
#include "synth/pen_scenes.h"
#include "train/not_a_digit.h"

namespace scrawl {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(PenSamples, LoadsLabelsWritersAndFlipsAnUpwardYAxis) {
  const std::string path =
      write_temp("scrawl-pen.jsonl",
                 "{\"label\":\"7\",\"writer\":\"W1\",\"strokes\":[[[0,10],[5,0]]],\"y_axis\":\"up\"}\n"
                 "{\"label\":\"a\",\"writer\":\"W1\",\"strokes\":[[[0,0]]]}\n"
                 "{\"label\":\"1\",\"writer\":\"W2\",\"strokes\":[[[3,4],[3,9]],[]]}\n");
  auto s = real::load_pen_samples(path, "test");
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->size(), 2u);  // the letter is skipped
  EXPECT_EQ((*s)[0].label, 7);
  EXPECT_EQ((*s)[0].writer, "test:W1");
  EXPECT_FLOAT_EQ((*s)[0].strokes[0][0][1], -10.0f);  // up becomes down
  EXPECT_EQ((*s)[1].strokes.size(), 1u);              // the empty stroke is dropped

  const std::string bad = write_temp("scrawl-bad.jsonl", "{\"label\":\"1\"\n");
  auto b = real::load_pen_samples(bad, "test");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("line 1"), std::string::npos);
  EXPECT_FALSE(real::load_pen_samples("/nonexistent/x.jsonl", "t").ok());
}

TEST(ChequeAmounts, LoadDigitsAndBoxesAndRefuseARowThatDisagrees) {
  const auto dir = std::filesystem::temp_directory_path() / "scrawl-orand";
  std::filesystem::create_directories(dir / "orand-car-a");
  std::ofstream(dir / "orand-car-a" / "labels.csv") << "file,text,digit_boxes\r\n"
                                                       "images/a_1.png,60,6:13 10 21 38;0:41 14 27 36\r\n";
  auto a = real::load_cheque_amounts(dir.string());
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_EQ(a->size(), 1u);
  EXPECT_EQ((*a)[0].digits, "60");
  EXPECT_EQ((*a)[0].key, "orand:a_1.png");
  EXPECT_EQ((*a)[0].file, (dir / "orand-car-a" / "images/a_1.png").string());
  ASSERT_EQ((*a)[0].boxes.size(), 2u);
  EXPECT_EQ((*a)[0].boxes[1], (Box{41, 14, 27, 36}));

  // The boxes say "68" where the text says "60": the file is refused, with the line.
  std::ofstream(dir / "orand-car-a" / "labels.csv") << "file,text,digit_boxes\n"
                                                       "images/a_1.png,60,6:13 10 21 38;8:41 14 27 36\n";
  auto bad = real::load_cheque_amounts(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(real::load_cheque_amounts("/nonexistent").ok());
}

TEST(WriterSplit, IsFixedPerWriterAndNearItsShares) {
  std::map<real::WriterUse, int> count;
  for (int i = 0; i < 5000; ++i) {
    const std::string w = "src:W" + std::to_string(i);
    const auto use = real::writer_use(w);
    EXPECT_EQ(use, real::writer_use(w));
    ++count[use];
  }
  EXPECT_NEAR(count[real::WriterUse::kDevelop], 1000, 150);
  EXPECT_NEAR(count[real::WriterUse::kReport], 1500, 150);
  EXPECT_NEAR(count[real::WriterUse::kTrain], 2500, 150);
}

// A "7" as strokes: a bar and a slanted down-stroke.
std::vector<real::Stroke> seven() { return {{{0, 0}, {60, 0}, {25, 100}}}; }

TEST(PenScenes, CanvasDrawingsAndPhotosDecodeWithInkWhereTheDigitIs) {
  for (int k = 0; k < 20; ++k) {
    Rng rng(3, 1, uint64_t(k));
    const synth::Scene canvas = synth::canvas_drawing(seven(), rng);
    const synth::Scene photo = synth::paper_photo(seven(), rng);
    for (const synth::Scene* s : {&canvas, &photo}) {
      auto img = decode_image(s->file);
      ASSERT_TRUE(img.ok()) << s->traits;
      EXPECT_EQ(img->width, s->width);
      EXPECT_EQ(img->height, s->height);
      int lo = 255, hi = 0;
      for (uint8_t v : img->pixels) lo = std::min(lo, int(v)), hi = std::max(hi, int(v));
      EXPECT_GT(hi - lo, 60) << "no ink to see: " << s->traits;
    }
    // The same seed draws the same scene.
    Rng again(3, 1, uint64_t(k));
    EXPECT_EQ(synth::canvas_drawing(seven(), again).file, canvas.file);
  }
}

// Their strokes' centres are fitted into the middle 20×20; the pen's width may go a little past it.
TEST(NotADigit, ShapesSitInTheMiddleAsMnistDigitsDo) {
  for (int k = 0; k < 200; ++k) {
    Rng rng(5, 2, uint64_t(k));
    uint8_t img[784];
    draw_not_a_digit(rng, img);
    int ink = 0, outside = 0;
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x) {
        const bool lit = img[y * 28 + x] > 127;
        ink += lit;
        outside += lit && (x < 2 || y < 2 || x > 25 || y > 25);
      }
    EXPECT_GT(ink, 8) << "shape " << k;
    EXPECT_LE(outside * 20, ink) << "shape " << k;  // at most 5% of its ink outside the middle 24×24
  }
}

}  // namespace
}  // namespace scrawl
