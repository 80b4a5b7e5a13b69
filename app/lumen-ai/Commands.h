#pragma once
// lumen-ai's subcommands. Each returns the process exit code; errors are thrown and reported by
// main() as one line on stderr.
#include "ai/ModelRegistry.h"

#include <string>

namespace lumen::aicli {

struct InferArgs {
    std::string model, input, output, device = "auto";
    int threads = 0;
    bool uncertainty = false, quiet = false;
};

struct ModelsArgs {
    std::string name, version;
    bool json = false;
};

// Bundled packages: $LUMEN_BUNDLED_MODELS, else <exe>/../share/lumen/models, else the source
// tree's resources/models. User versions: $LUMEN_DATA_DIR/models, else
// $XDG_DATA_HOME/Lumen/models, else ~/.local/share/Lumen/models (the viewer's data folder).
ai::ModelRegistry openRegistry();

int runInfer(const InferArgs& args);
int runModelsList(const ModelsArgs& args);
int runModelsActivate(const ModelsArgs& args);
int runModelsRollback(const ModelsArgs& args);

}  // namespace lumen::aicli
