#include "AiTestSupport.h"

#include "ai/ModelPackage.h"

#include <torch/script.h>

#include <algorithm>
#include <cmath>

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

ai::ModelManifest interactiveManifest(int patch) {
    ai::ModelManifest m;
    m.name = "rule";
    m.version = "1.0";
    m.task = ai::Task::Interactive;
    m.labels.set({1, "Object", {255, 190, 0}});
    m.input.channels = 6;
    m.input.spacing = core::Vector3{1.5, 1.5, 1.5};
    m.input.patchSize = {patch, patch, patch};
    m.input.normalization.kind = ai::Normalization::Kind::MinMax;
    m.sha256 = std::string(64, '0');
    return m;
}

const char* const kInteractiveRuleNetwork = R"(
def forward(self, x):
    l = 20.0 * (0.93 - torch.abs(x[:, 0:1])) + 40.0 * x[:, 2:3] - 100.0 * x[:, 3:4] + 15.0 * x[:, 1:2] - 2.0
    return torch.cat([torch.zeros_like(l), l], 1)
)";

double maxAbsDifference(const std::vector<float>& a, const std::vector<float>& b) {
    double worst = a.size() == b.size() ? 0 : HUGE_VAL;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

void writePackage(const std::filesystem::path& dir, const ai::ModelManifest& manifest, const std::string& forwardSource) {
    std::filesystem::create_directories(dir);
    saveScriptedModule(dir / "model.pt", forwardSource);
    ai::ModelPackage::writeManifest(dir, manifest);
}

}  // namespace lumen::test
