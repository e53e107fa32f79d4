#include "model_card_facts.h"

#include <algorithm>
#include <cstdio>

#include "data/mnist.h"
#include "evaluate/mnist_eval.h"
#include "evaluate/robustness_eval.h"
#include "recognize/recognizer.h"

namespace scrawl::cli {

Result<ModelCardFacts> measure_for_card(const std::vector<uint8_t>& weights, const TrainingRecord& record,
                                        const std::string& mnist_dir) {
  auto test = load_mnist(mnist_dir, "t10k");
  if (!test) return test.error();
  auto recognizer = Recognizer::from_weights(weights);
  if (!recognizer) return recognizer.error();
  Recognizer& r = **recognizer;
  const MnistEvaluation e = evaluate_mnist(r, *test);

  ModelCardFacts facts;
  facts.command = record.command;
  facts.config = record.run.config;
  facts.real_writers = !record.run.real_writers.empty();
  facts.parameters = r.model().network.params().size();
  facts.file_bytes = weights.size();
  facts.architecture = r.model().network.spec();
  facts.validation_accuracy = record.validation_accuracy;
  facts.test_accuracy = e.accuracy();
  facts.ece = e.ece;
  facts.seconds = record.seconds;
  facts.confusion = format_confusion(e);
  facts.unsure_below = r.unsure_threshold();
  facts.unsure = e.unsure, facts.unsure_wrong = e.unsure_wrong, facts.test_count = e.count,
  facts.test_correct = e.correct;
  std::fprintf(stderr, "robustness evaluation (10 transforms of the test digits)...\n");
  facts.robustness = evaluate_robustness(r, *test, 0);
  const TrainConfig& config = record.run.config;
  const size_t used = config.limit > 0 ? std::min(record.run.mnist_digits, size_t(config.limit))
                                       : record.run.mnist_digits;
  facts.validation_digits = std::min<size_t>(size_t(config.validation), used / 5);
  facts.train_digits = used - facts.validation_digits;
  for (const char* name :
       {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
    auto md5 = mnist_file_md5(mnist_dir, name);
    facts.md5_lines += std::string("| ") + name + " | " + (md5 ? *md5 : "?") + " |\n";
  }
  return facts;
}

int test_and_write_card(const char* command, const std::vector<uint8_t>& weights, const TrainingRecord& record,
                        const std::string& mnist_dir, const std::string& card_path) {
  auto facts = measure_for_card(weights, record, mnist_dir);
  if (!facts) {
    std::fprintf(stderr, "scrawl %s: %s\n", command, facts.error().message.c_str());
    return 1;
  }
  std::printf("validation %.2f%%, MNIST test %.2f%%, ECE %.2f%%\n", 100 * facts->validation_accuracy,
              100 * facts->test_accuracy, 100 * facts->ece);
  if (auto st = write_model_card(card_path, *facts); !st) {
    std::fprintf(stderr, "scrawl %s: %s\n", command, st.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s\n", card_path.c_str());
  return 0;
}

}  // namespace scrawl::cli
