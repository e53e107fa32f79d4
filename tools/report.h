#pragma once
#include <string>
#include <vector>

#include "core/status.h"
#include "data/mnist.h"
#include "evaluate/mnist_eval.h"
#include "evaluate/robustness_eval.h"

namespace scrawl::cli {

// Writes DIR/README.md (confusion matrix, per-class accuracy, calibration, robustness),
// DIR/reliability.png and DIR/errors/*.png (each misclassified test digit, as the model saw it).
Status write_report(const std::string& dir, Recognizer& recognizer, const DigitSet& test, const MnistEvaluation& e,
                    const std::vector<RobustnessRow>& robustness, const std::string& command);

}  // namespace scrawl::cli
