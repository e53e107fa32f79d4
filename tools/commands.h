#pragma once

namespace scrawl::cli {
// Each takes the arguments after its own name and returns the process exit status.
int cmd_recognize(int argc, char** argv);
int cmd_train(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_card(int argc, char** argv);
int cmd_store(int argc, char** argv);
int cmd_samples(int argc, char** argv);
int cmd_teach(int argc, char** argv);
}  // namespace scrawl::cli
