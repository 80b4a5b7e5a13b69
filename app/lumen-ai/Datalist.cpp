#include "Datalist.h"

#include "ai/JsonFile.h"
#include "ai/ModelError.h"
#include "ai/Sha256.h"
#include "io/LabelMapReader.h"
#include "io/SeriesAssembler.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace lumen::aicli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The model's class a datalist names, by name or by value.
const core::Label& classOf(const json& cls, const ai::ModelManifest& m, const std::string& where) {
    for (const auto& l : m.labels.labels())
        if ((cls.is_string() && l.name == cls.get<std::string>()) || (cls.is_number_integer() && l.value == cls.get<int>()))
            return l;
    throw ai::ModelError(where + ": class " + cls.dump() + " is not one of the model's");
}

ai::Finding boxFrom(const json& f, const ai::ModelManifest& m, const std::string& where) {
    ai::Finding box;
    const core::Label& cls = classOf(f.at("class"), m, where);
    box.classValue = cls.value;
    box.className = cls.name;
    for (int a = 0; a < 3; ++a) {
        box.worldMin[a] = f.at("box_min_mm").at(static_cast<std::size_t>(a)).get<double>();
        box.worldMax[a] = f.at("box_max_mm").at(static_cast<std::size_t>(a)).get<double>();
        if (box.worldMax[a] < box.worldMin[a]) throw ai::ModelError(where + ": box_max_mm below box_min_mm");
    }
    box.centre = (box.worldMin + box.worldMax) / 2;
    box.sizeMm = box.worldMax - box.worldMin;
    box.score = 1;
    return box;
}

ai::TrainingSample loadCase(const json& entry, const fs::path& base, const ai::ModelManifest& m, const std::string& where) {
    if (!entry.is_object() || !entry.contains("image") || !entry.contains("label"))
        throw ai::ModelError(where + " needs \"image\" and \"label\"");
    ai::TrainingSample s;
    s.image = entry.at("image").get<std::string>();
    s.group = entry.value("group", "");
    const fs::path image = fs::path(s.image).is_absolute() ? fs::path(s.image) : base / s.image;
    s.volume = loadModelInput(image.string()).volume;
    if (fs::is_regular_file(image)) s.imageSha256 = ai::sha256OfFile(image);
    const json& label = entry.at("label");
    if (m.task == ai::Task::Classification) {
        s.label = label.is_string() ? label.get<std::string>() : label.dump();
        s.classValue = classOf(label, m, where).value;
        return s;
    }
    s.label = label.get<std::string>();
    const fs::path file = fs::path(s.label).is_absolute() ? fs::path(s.label) : base / s.label;
    s.labelSha256 = ai::sha256OfFile(file);
    if (m.task == ai::Task::Segmentation || m.task == ai::Task::Interactive) {
        std::vector<std::string> warnings;  // another grid is resampled; a disjoint one throws
        s.labels = io::LabelMapReader::read(file.string(), s.volume.geometry(), &warnings);
        for (const auto& w : warnings) std::cerr << "lumen-ai: warning: " << w << "\n";
    } else {
        const json j = ai::readJsonFile(file);
        try {
            for (const json& f : j.at("findings")) s.boxes.push_back(boxFrom(f, m, file.string()));
        } catch (const json::exception& e) {
            throw ai::ModelError(file.string() + ": not a findings file (" + e.what() + ")");
        }
    }
    return s;
}

}  // namespace

io::LoadedImage loadModelInput(const std::string& path, core::Progress* progress) {
    io::LoadedImage image = io::ImageLoader::load(path, progress);
    for (const auto& w : image.warnings)
        if (w == io::kMissingSpacingWarning)
            throw ai::ModelError(path + ": the files give no pixel spacing; a model needs real millimetres");
    return image;
}

ai::TrainingSet loadDatalist(const std::string& path, const ai::ModelManifest& manifest) {
    const json j = ai::readJsonFile(path);
    const fs::path base = fs::absolute(path).parent_path();
    ai::TrainingSet set;
    for (const char* split : {"training", "validation"}) {
        if (!j.contains(split)) continue;
        if (!j[split].is_array()) throw ai::ModelError(path + ": \"" + split + "\" must be a list");
        auto& target = std::string(split) == "training" ? set.training : set.validation;
        for (std::size_t n = 0; n < j[split].size(); ++n)
            target.push_back(loadCase(j[split][n], base, manifest, path + ": " + split + "[" + std::to_string(n) + "]"));
    }
    // The same image in both splits would make the validation meaningless.
    for (const auto& v : set.validation)
        for (const auto& t : set.training)
            if (!v.imageSha256.empty() && v.imageSha256 == t.imageSha256 && v.label == t.label)
                throw ai::ModelError(path + ": " + v.image + " is in both training and validation");
    return set;
}

}  // namespace lumen::aicli
