#include "model_card.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <thread>

namespace scrawl::cli {

namespace {

void write_architecture(std::ostream& out, const ModelCardFacts& f) {
  char buf[256];
  out << "## Architecture\n\n"
      << "Input: one 28×28 grey image (ink = 1, paper = 0), made by Scrawl's preprocessing "
         "(ink bounding box fitted into 20×20, centred on its centre of mass in 28×28).\n\n"
      << "As trained: `" << f.config.architecture << "`\n\n"
      << "As shipped (each batch-norm folded into the conv before it): `" << f.architecture << "`\n\n";
  std::snprintf(buf, sizeof buf, "Parameters: %zu (%zu bytes of float32); weights file: %zu bytes.\n\n", f.parameters,
                4 * f.parameters, f.file_bytes);
  out << buf;
}

void write_training(std::ostream& out, const ModelCardFacts& f) {
  char buf[256];
  out << "## Training\n\n"
      << "Command:\n\n```sh\n"
      << f.command << "\n```\n\n";
  std::snprintf(buf, sizeof buf,
                "- data: MNIST training set; the first %zu digits train, the last %zu are the validation split "
                "used to choose settings. The test set is used once, after training.\n",
                f.train_digits, f.validation_digits);
  out << buf;
  std::snprintf(buf, sizeof buf,
                "- %d epochs, batch %d, SGD with Nesterov momentum %.2f, peak learning rate %.3g (warm-up %d epoch, "
                "then cosine), weight decay %.1e, seed %llu\n",
                f.config.epochs, f.config.batch, double(f.config.momentum), double(f.config.learning_rate),
                f.config.warmup_epochs, double(f.config.weight_decay), (unsigned long long)f.config.seed);
  out << buf;
  out << "- augmentation: " << f.config.augment.describe();
  if (f.config.settle_epochs > 0 && f.config.augment.any())
    out << "; in the last " << std::min(f.config.settle_epochs, f.config.epochs)
        << " epochs half of the digits are shown undistorted";
  out << "\n";
  std::snprintf(buf, sizeof buf, "- training time: %.1f minutes on %d threads (%u cores on this machine)\n\n",
                f.seconds / 60.0, f.config.threads, std::thread::hardware_concurrency());
  out << buf;
  out << "Data (md5 of the uncompressed files):\n\n| file | md5 |\n|---|---|\n" << f.md5_lines << "\n";
}

void write_accuracy(std::ostream& out, const ModelCardFacts& f) {
  char buf[256];
  out << "## Accuracy\n\n";
  std::snprintf(buf, sizeof buf,
                "| split | accuracy |\n|---|---|\n| validation (%zu digits) | %.2f%% |\n| MNIST test (10,000 digits) | "
                "%.2f%% |\n\nExpected calibration error on MNIST test: %.2f%%.\n\n",
                f.validation_digits, 100.0 * f.validation_accuracy, 100.0 * f.test_accuracy, 100.0 * f.ece);
  out << buf;
  out << "Confusion matrix on MNIST test (rows: true digit, columns: predicted):\n\n```\n" << f.confusion << "```\n\n";
  out << "## Calibration and the unsure flag\n\n";
  std::snprintf(buf, sizeof buf,
                "A digit whose confidence is below %.2f is marked unsure. On MNIST test that is %zu digits (%.2f%%), "
                "%zu of them wrong; the other %zu digits are %.2f%% right.\n\n",
                double(f.unsure_below), f.unsure, 100.0 * double(f.unsure) / double(std::max<size_t>(1, f.test_count)),
                f.unsure_wrong, f.test_count - f.unsure,
                100.0 * double(f.test_correct - (f.unsure - f.unsure_wrong)) /
                    double(std::max<size_t>(1, f.test_count - f.unsure)));
  out << buf;
}

void write_robustness(std::ostream& out, const ModelCardFacts& f) {
  if (f.robustness.empty()) return;
  char buf[256];
  out << "## Robustness\n\nThe MNIST test digits after what a user's input goes through (C++ transforms in "
         "`engine/evaluate/user_transforms.cpp`), each through the whole pipeline; `scrawl eval --robustness` "
         "prints the same table.\n\n| transform | accuracy |\n|---|---|\n";
  for (const auto& r : f.robustness) {
    std::snprintf(buf, sizeof buf, "| %s | %.2f%% |\n", r.description.c_str(), 100 * r.accuracy());
    out << buf;
  }
  out << "\n";
}

void write_data_and_weaknesses(std::ostream& out, const ModelCardFacts& f) {
  const bool real = f.real_writers;
  if (real)
    out << "## Real writers\n\n"
           "Besides MNIST, the model learns from the training half of the real writers in `../shared/data/real` "
           "(`engine/real/writer_split.cpp`: writers chosen by a hash of their name): their UNIPEN, UJI and Chars74K "
           "pen trajectories drawn on canvases and photographed on paper (`engine/synth/pen_scenes.cpp`), and CVL's "
           "training scans, each read by the reader as an upload is; where it finds exactly one digit, that 28×28 is "
           "an example with the written label (`--cutout-share` of the examples). `scrawl eval --real` measures it on "
           "writers it never saw. Data sets: MNIST, UNIPEN train_r01_v07 (1a), UJI Pen Characters v2, Chars74K "
           "EnglishHnd, CVL single digits (ICDAR 2013); their terms are in `../shared/data/real/README.md`.\n\n";
  out << "## Known weaknesses\n\n"
      << (real ? "- Trained on MNIST and about 250 other writers (mostly 1990s tablets and Austrian students' forms). "
                 "Styles far from those are less certain, and digit shapes from other scripts are not recognised.\n"
               : "- Trained on MNIST only: digits as American writers wrote them around 1990. Styles far from those "
                 "are less certain, and digit shapes from other scripts are not recognised.\n")
      << "- It always answers with one of ten digits: a letter or a symbol gets the most digit-like answer, "
         "often with a low confidence.\n"
         "- Every image goes through the page reader: a digit drawn in pieces far apart can be read as several "
         "digits, and a drawing that is no digit is sometimes read as one (`scrawl eval --real` counts both).\n";
}

}  // namespace

Status write_model_card(const std::string& path, const ModelCardFacts& f) {
  std::ofstream out(path);
  if (!out) return make_error(ErrorCode::kIo, "cannot write " + path);
  out << "# Scrawl digit model\n\n"
      << "Written by `scrawl train` (or by `scrawl card`, for weights trained with `--no-test` and chosen on "
         "validation) from the training run the weights file records.\n\n";
  write_architecture(out, f);
  write_training(out, f);
  write_accuracy(out, f);
  write_robustness(out, f);
  write_data_and_weaknesses(out, f);
  if (!out) return make_error(ErrorCode::kIo, "cannot write " + path);
  return Ok{};
}

}  // namespace scrawl::cli
