#include "AiTestSupport.h"

#include "ai/ModelPackage.h"

#include <torch/script.h>

namespace lumen::test {

void saveScriptedModule(const std::filesystem::path& file, const std::string& forwardSource) {
    torch::jit::Module m("TestNet");
    m.define(forwardSource);
    m.save(file.string());
}

ai::ModelManifest segmentationManifest(int labels, int patch) {
    ai::ModelManifest m;
    m.name = "test-seg";
    m.version = "1.0";
    m.task = ai::Task::Segmentation;
    for (int v = 1; v <= labels; ++v)
        m.labels.set({static_cast<std::uint16_t>(v), "label" + std::to_string(v), core::LabelTable::defaultColor(static_cast<std::uint16_t>(v))});
    m.input.patchSize = {patch, patch, patch};
    m.input.batchSize = 2;
    m.sha256 = std::string(64, '0');
    return m;
}

void writePackage(const std::filesystem::path& dir, const ai::ModelManifest& manifest, const std::string& forwardSource) {
    std::filesystem::create_directories(dir);
    saveScriptedModule(dir / "model.pt", forwardSource);
    ai::ModelPackage::writeManifest(dir, manifest);
}

}  // namespace lumen::test
