// One "learn my handwriting": the person's digits to learn from and the ones held back to judge
// by, the rehearsal set to learn beside and the one to check that nothing else was forgotten,
// the trainer, and the verdict. The personal model is kept only if it reads the held-back
// digits better than the model it started from and the rehearsal check no worse (within
// kRehearsalSlack); otherwise the person keeps what they had, and is told why. Better: more
// of them right, or as many and surer of them (a lower cross-entropy).
#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "personal_trainer.h"

namespace scrawl::learn {

// The most a personal model may lose on the rehearsal check and still be kept (a share: 0.01 is
// one point in a hundred).
inline constexpr double kRehearsalSlack = 0.01;

struct Verdict {
  int checked = 0;  // held-back digits
  int right_before = 0, right_after = 0;
  double rehearsal_before = 0, rehearsal_after = 0;  // shares of the rehearsal check read right
  bool keep = false;
  std::string why;  // in words, for the page
  // 10×10 counts, [true digit][digit read], on the held-back digits, before and after.
  std::vector<int> confusion_before, confusion_after;
};

class Teaching {
 public:
  // check may be empty (nothing held back): the verdict then rests on the rehearsal check alone
  // and says so.
  static Result<std::unique_ptr<Teaching>> create(const Network& start, std::span<const Sample> teach,
                                                  std::span<const Sample> check, const TeachOptions& options);
  int steps() const { return trainer_->steps(); }
  int done() const { return trainer_->done(); }
  bool finished() const { return trainer_->finished(); }
  void step() { trainer_->step(); }
  double loss() const { return trainer_->loss(); }
  // Judges the model as it stands (normally once finished()).
  Verdict judge();
  Network model() const { return trainer_->model(); }

 private:
  Teaching() = default;
  Network start_;
  std::vector<Sample> check_;
  DrawnDigits rehearsal_check_;
  std::unique_ptr<PersonalTrainer> trainer_;
};

}  // namespace scrawl::learn
