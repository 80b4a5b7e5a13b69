#include "Commands.h"

#include "ai/JsonFile.h"
#include "ai/MonaiBundleImporter.h"
#include "ai/TorchNetwork.h"


#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

namespace lumen::aicli {

int runModelsList(const ModelsArgs& args) {
    const ai::ModelRegistry registry = openRegistry();
    const auto entries = registry.list();
    if (args.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : entries)
            out.push_back({{"name", e.name}, {"version", e.version}, {"task", e.task}, {"active", e.active},
                           {"bundled", e.bundled}, {"parent_version", e.parentVersion}, {"created", e.created},
                           {"training_cases", e.trainingCases}, {"path", e.dir.string()}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (entries.empty()) {
        std::cout << "no models (bundled: " << registry.bundledRoot().string() << ", user: " << registry.userRoot().string() << ")\n";
        return 0;
    }
    std::cout << std::left << std::setw(2) << "" << std::setw(28) << "NAME" << std::setw(14) << "VERSION" << std::setw(16) << "TASK"
              << std::setw(10) << "PARENT" << "WHERE\n";
    for (const auto& e : entries)
        std::cout << std::setw(2) << (e.active ? "*" : "") << std::setw(28) << e.name << std::setw(14) << e.version
                  << std::setw(16) << e.task << std::setw(10) << (e.parentVersion.empty() ? "-" : e.parentVersion)
                  << (e.bundled ? "bundled" : e.dir.string()) << "\n";
    return 0;
}

int runModelsActivate(const ModelsArgs& args) {
    ai::ModelRegistry registry = openRegistry();
    registry.activate(args.name, args.version);
    std::cout << args.name << ": version " << args.version << " is active\n";
    return 0;
}

int runModelsRollback(const ModelsArgs& args) {
    ai::ModelRegistry registry = openRegistry();
    const std::string version = registry.rollback(args.name);
    std::cout << args.name << ": rolled back to version " << version << "\n";
    return 0;
}

int runModelsAdd(const std::string& package) {
    const ai::RegistryEntry e = openRegistry().add(package);  // validates the package (manifest, sha256)
    std::cout << nlohmann::json{{"name", e.name}, {"version", e.version}, {"registered", e.dir.string()}}.dump() << "\n";
    return 0;
}

int runPackage(const std::string& network, const std::string& manifestFile, const std::string& out) {
    nlohmann::json j = ai::readJsonFile(manifestFile);
    j["sha256"] = std::string(64, '0');  // replaced by the real one below
    const ai::ModelManifest m = ai::ModelManifest::fromJson(j, manifestFile);
    ai::TorchNetwork::load(network, {});  // refuse what Torch cannot load
    ai::ModelPackage::create(out, network, m);
    std::cout << nlohmann::json{{"package", out}, {"name", m.name}, {"version", m.version}}.dump() << "\n";
    return 0;
}

int runImportMonai(const std::string& bundle, const std::string& out, bool registerIt) {
    const ai::ModelManifest m = ai::MonaiBundleImporter::import(bundle, out);
    if (m.card.contains("import_notes"))
        for (const auto& n : m.card["import_notes"]) std::cerr << "lumen-ai: note: " << n.get<std::string>() << "\n";
    nlohmann::json summary = {{"package", out}, {"name", m.name}, {"version", m.version}, {"labels", m.labels.size()},
                              {"patch_size", m.input.patchSize}};
    if (registerIt) summary["registered"] = openRegistry().add(out).dir.string();
    std::cout << summary.dump() << "\n";
    return 0;
}

int runCheckMonai(const std::string& bundle) {
    const auto t = ai::MonaiBundleImporter::check(bundle);
    nlohmann::json report = {{"bundle", bundle}, {"translates", t.manifest.has_value()}, {"problems", t.problems}, {"notes", t.notes}};
    if (t.manifest) report["manifest"] = t.manifest->toJson();
    std::cout << report.dump(1) << "\n";
    return t.manifest ? 0 : 1;
}

}  // namespace lumen::aicli
