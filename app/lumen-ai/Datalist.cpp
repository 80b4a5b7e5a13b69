#include "Datalist.h"

#include "ai/ModelError.h"
#include "ai/Sha256.h"
#include "io/LabelMapReader.h"
#include "io/ImageLoader.h"
#include "io/SeriesAssembler.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace lumen::aicli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

ai::Finding boxFrom(const json& f, const ai::ModelManifest& m, const std::string& where) {
    ai::Finding box;
    const json& cls = f.at("class");
    for (const auto& l : m.labels.labels())
        if ((cls.is_string() && l.name == cls.get<std::string>()) || (cls.is_number_integer() && l.value == cls.get<int>()))
            box.classValue = l.value, box.className = l.name;
    if (!box.classValue) throw ai::ModelError(where + ": class " + cls.dump() + " is not one of the model's");
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
    const fs::path image = fs::path(s.image).is_absolute() ? fs::path(s.image) : base / s.image;
    io::LoadedImage loaded = io::ImageLoader::load(image.string());
    for (const auto& w : loaded.warnings)
        if (w == io::kMissingSpacingWarning) throw ai::ModelError(image.string() + ": the files give no pixel spacing");
    s.volume = std::move(loaded.volume);
    if (fs::is_regular_file(image)) s.imageSha256 = ai::sha256OfFile(image);
    const json& label = entry.at("label");
    if (m.task == ai::Task::Classification) {
        s.label = label.is_string() ? label.get<std::string>() : label.dump();
        for (const auto& l : m.labels.labels())
            if ((label.is_string() && l.name == label.get<std::string>()) || (label.is_number_integer() && l.value == label.get<int>()))
                s.classValue = l.value;
        if (!s.classValue) throw ai::ModelError(where + ": class " + label.dump() + " is not one of the model's");
        return s;
    }
    s.label = label.get<std::string>();
    const fs::path file = fs::path(s.label).is_absolute() ? fs::path(s.label) : base / s.label;
    s.labelSha256 = ai::sha256OfFile(file);
    if (m.task == ai::Task::Segmentation) {
        s.labels = io::LabelMapReader::read(file.string(), s.volume.geometry());  // checks the grid
    } else {
        std::ifstream in(file);
        json j;
        try {
            in >> j;
            for (const json& f : j.at("findings")) s.boxes.push_back(boxFrom(f, m, file.string()));
        } catch (const json::exception& e) {
            throw ai::ModelError(file.string() + ": not a findings file (" + e.what() + ")");
        }
    }
    return s;
}

}  // namespace

ai::TrainingSet loadDatalist(const std::string& path, const ai::ModelManifest& manifest) {
    std::ifstream in(path);
    if (!in) throw ai::ModelError(path + ": cannot be read");
    json j;
    try {
        in >> j;
    } catch (const json::exception& e) {
        throw ai::ModelError(path + ": not valid JSON (" + e.what() + ")");
    }
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
