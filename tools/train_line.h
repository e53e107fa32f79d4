// `scrawl train --task line`: the line model (recognize/line_reader.h), trained on the real
// cheque amounts' training part and on numbers composed from their digits and MNIST's.
#pragma once

namespace scrawl::cli {
int cmd_train_line(int argc, char** argv);
}  // namespace scrawl::cli
