#include "io/TrainingDataset.h"

#include "core/AtomicFile.h"
#include "core/GridMapping.h"
#include "core/RealValues.h"
#include "io/ImageFileWriter.h"
#include "io/IoError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace lumen::io {

namespace fs = std::filesystem;
using nlohmann::json;
using Format = TrainingDataset::Format;

namespace {

const char* kEnding = ".nii.gz";

json readJson(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw IoError(file.string(), "cannot be read");
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw IoError(file.string(), std::string("not valid JSON (") + e.what() + ")");
    }
}

std::string stem(const std::string& file) {
    std::string name = fs::path(file).filename().string();
    for (const char* ext : {".nii.gz", ".nii", ".nrrd", ".mha", ".mhd", ".nhdr"})
        if (name.size() > std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return name.substr(0, name.size() - std::strlen(ext));
    return name;
}

std::string under(const fs::path& base, const std::string& relative) {
    const fs::path p(relative);
    return (p.is_absolute() ? p : (base / p)).lexically_normal().string();
}

// Colours and Lumen's own values, kept in dataset.json's "lumen" entry (other tools ignore it).
void readLumenLabels(const json& lumen, TrainingDataset& d) {
    if (!lumen.is_object() || !lumen.contains("labels")) return;
    for (const json& l : lumen["labels"]) {
        core::Label label;
        label.value = l.value("value", std::uint16_t(0));
        label.name = l.value("name", std::string());
        const json c = l.value("color", json::array());
        label.color = c.size() == 3 ? core::Rgba{c[0].get<std::uint8_t>(), c[1].get<std::uint8_t>(), c[2].get<std::uint8_t>(), 255}
                                    : core::LabelTable::defaultColor(label.value);
        if (label.value == 0) continue;
        d.labels.set(label);
        if (l.contains("file_value")) d.fileToLumen[l["file_value"].get<std::uint16_t>()] = label.value;
    }
}

TrainingDataset readNnUnet(const fs::path& folder, const json& j) {
    TrainingDataset d;
    d.format = Format::NnUnet;
    d.name = j.value("name", folder.filename().string());
    d.description = j.value("description", "");
    const std::string ending = j.value("file_ending", kEnding);
    std::map<int, std::string> channels;
    for (const auto& [key, name] : j.at("channel_names").items()) channels[std::stoi(key)] = name.get<std::string>();
    for (const auto& [k, name] : channels) d.channelNames.push_back(name);
    if (j.contains("regions_class_order")) throw IoError(folder.string(), "region-based labels (regions_class_order) are not label maps Lumen can read");
    const json lumen = j.value("lumen", json::object());
    readLumenLabels(lumen, d);
    if (d.labels.empty())
        for (const auto& [name, value] : j.at("labels").items()) {
            if (!value.is_number_integer()) throw IoError(folder.string(), "label \"" + name + "\" is a region, not a value");
            const auto v = value.get<std::uint16_t>();
            if (v != 0) d.labels.set({v, name, core::LabelTable::defaultColor(v)});
        }
    const std::set<std::string> validation = lumen.value("validation", std::set<std::string>{});
    const std::map<std::string, std::string> origins = lumen.value("origins", std::map<std::string, std::string>{});
    std::vector<std::string> ids;
    if (!fs::is_directory(folder / "labelsTr")) throw IoError(folder.string(), "no labelsTr folder");
    for (const auto& e : fs::directory_iterator(folder / "labelsTr")) {
        const std::string name = e.path().filename().string();
        if (name.size() > ending.size() && name.compare(name.size() - ending.size(), std::string::npos, ending) == 0)
            ids.push_back(name.substr(0, name.size() - ending.size()));
    }
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) {
        DatasetCase c;
        c.id = id;
        c.label = (folder / "labelsTr" / (id + ending)).string();
        for (const auto& [k, name] : channels) {
            char suffix[16];
            std::snprintf(suffix, sizeof suffix, "_%04d", k);
            const fs::path image = folder / "imagesTr" / (id + suffix + ending);
            if (!fs::exists(image)) throw IoError(image.string(), "missing: every case needs one image per channel of channel_names");
            c.images.push_back(image.string());
        }
        c.validation = validation.count(id) > 0;
        if (auto o = origins.find(id); o != origins.end()) c.origin = o->second;
        d.cases.push_back(c);
    }
    if (j.contains("numTraining") && j["numTraining"].get<std::size_t>() != d.cases.size())
        throw IoError(folder.string(), "numTraining says " + j["numTraining"].dump() + " cases, labelsTr holds " + std::to_string(d.cases.size()));
    return d;
}

TrainingDataset readDatalist(const fs::path& file, const json& j) {
    TrainingDataset d;
    d.format = Format::MonaiDatalist;
    const fs::path base = fs::absolute(file).parent_path();
    d.name = j.value("name", base.filename().string());
    d.description = j.value("description", "");
    if (j.contains("modality") && j["modality"].is_object())
        for (const auto& [k, name] : j["modality"].items()) d.channelNames.push_back(name.get<std::string>());
    readLumenLabels(j.value("lumen", json::object()), d);
    if (d.labels.empty() && j.contains("labels") && j["labels"].is_object())
        for (const auto& [key, name] : j["labels"].items()) {
            const int v = std::atoi(key.c_str());
            if (v > 0 && v <= 65535) d.labels.set({std::uint16_t(v), name.get<std::string>(), core::LabelTable::defaultColor(std::uint16_t(v))});
        }
    std::set<std::string> ids;
    for (const char* split : {"training", "validation"}) {
        if (!j.contains(split)) continue;
        for (const json& e : j[split]) {
            if (!e.is_object() || !e.contains("image") || !e.contains("label") || !e["label"].is_string())
                throw IoError(file.string(), std::string("every \"") + split + "\" entry needs an \"image\" and a \"label\" file");
            DatasetCase c;
            if (e["image"].is_array())
                for (const json& i : e["image"]) c.images.push_back(under(base, i.get<std::string>()));
            else
                c.images.push_back(under(base, e["image"].get<std::string>()));
            c.label = under(base, e["label"].get<std::string>());
            c.validation = std::string(split) == "validation";
            const json lumen = e.value("lumen", json::object());
            c.id = lumen.value("id", stem(c.label));
            c.origin = lumen.value("origin", "");
            if (!ids.insert(c.id).second) c.id += "-" + std::to_string(d.cases.size());
            d.cases.push_back(c);
        }
    }
    if (d.cases.empty()) throw IoError(file.string(), "no \"training\" or \"validation\" cases");
    return d;
}

}  // namespace

std::string datasetCaseId(const std::string& text) {
    std::string id;
    for (char c : text) id += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
    return id.empty() ? "case" : id;
}

namespace {
TrainingDataset readAny(const std::string& path) {
    const fs::path p(path);
    if (fs::is_directory(p)) {
        if (fs::exists(p / "dataset.json")) {
            const json j = readJson(p / "dataset.json");
            if (j.contains("channel_names")) return readNnUnet(p, j);
            return readDatalist(p / "dataset.json", j);
        }
        if (fs::exists(p / "datalist.json")) return readDatalist(p / "datalist.json", readJson(p / "datalist.json"));
        throw IoError(path, "neither an nnU-Net dataset (dataset.json) nor a training set (datalist.json)");
    }
    const json j = readJson(p);
    if (j.contains("channel_names")) return readNnUnet(p.parent_path(), j);
    return readDatalist(p, j);
}
}  // namespace

TrainingDataset TrainingDataset::read(const std::string& path) {
    // A value of another type than the format says (json), a number out of range: the file's error.
    try {
        return readAny(path);
    } catch (const IoError&) {
        throw;
    } catch (const std::exception& e) {
        throw IoError(path, std::string("a malformed training set (") + e.what() + ")");
    }
}

DatasetWriter::DatasetWriter(const std::string& parent, Options options) : options_(std::move(options)) {
    if (options_.format == Format::NnUnet) {
        if (options_.id < 1 || options_.id > 999) throw IoError(parent, "an nnU-Net dataset number is 1..999");
        char name[32];
        std::snprintf(name, sizeof name, "Dataset%03d_", options_.id);
        target_ = (fs::path(parent) / (name + datasetCaseId(options_.name))).string();
    } else {
        target_ = parent;
    }
    if (fs::exists(target_)) throw IoError(target_, "already exists: a dataset is written into a new folder");
    staging_ = target_ + ".partial";
    fs::remove_all(staging_);
    fs::create_directories(fs::path(staging_) / "imagesTr");
    fs::create_directories(fs::path(staging_) / "labelsTr");
}

DatasetWriter::~DatasetWriter() {
    std::error_code ec;
    if (!finished_) fs::remove_all(staging_, ec);
}

void DatasetWriter::add(const std::string& rawId, const core::Volume& image, const core::LabelMap& labels, bool validation,
                        bool dicomSource, const std::string& modality, const std::string& origin) {
    const std::string id = datasetCaseId(rawId);
    for (const auto& e : entries_)
        if (e.id == id) throw IoError(target_, "case " + id + " twice");
    if (!labels.fits(image.geometry())) throw IoError(target_, "case " + id + ": the label map is not on the image's grid");
    // dcm2niix's order for a DICOM series: the same voxels, rows flipped.
    const core::ImageGeometry grid = dicomSource ? core::flippedAxis(image.geometry(), 1) : image.geometry();
    const auto mapping = core::GridMapping::between(image.geometry(), grid);
    const core::Volume real = mapping.apply(core::toRealValues(image));
    core::Volume labelVoxels = mapping.apply(labels.voxels());
    if (modality_.empty()) modality_ = modality;

    // Label values: Lumen's own in a datalist; consecutive for nnU-Net, in order of appearance.
    std::set<std::uint16_t> values;
    for (const auto& l : labels.labels().labels()) values.insert(l.value);
    for (const auto& [v, n] : labels.histogram()) values.insert(v);
    for (std::uint16_t v : values) {
        if (labels_.find(v)) continue;
        const core::Label* named = labels.labels().find(v);
        labels_.set(named ? *named : core::Label{v, "label " + std::to_string(v), core::LabelTable::defaultColor(v)});
    }
    if (options_.format == Format::NnUnet) {
        // A value keeps the file value it got in the first case that had it.
        for (std::uint16_t v : values)
            if (!fileValue_.count(v)) fileValue_[v] = std::uint16_t(fileValue_.size() + 1);
        core::LabelMap remapped(grid, fileValue_.size() > 255 ? core::PixelType::UInt16 : core::PixelType::UInt8);
        const core::LabelMap source = core::LabelMap::fromVolume(labelVoxels);
        for (std::size_t n = 0; n < grid.voxelCount(); ++n)
            if (const auto v = source.at(n)) remapped.set(n, fileValue_.at(v));
        labelVoxels = remapped.voxels();
        for (std::size_t c = 0; c < real.timePoints(); ++c) {
            core::Volume channel = core::Volume::allocate(real.pixelType(), grid);
            std::memcpy(channel.data(), real.frameData(c), real.frameByteSize());
            char suffix[16];
            std::snprintf(suffix, sizeof suffix, "_%04zu", c);
            ImageFileWriter::write(channel, (fs::path(staging_) / "imagesTr" / (id + suffix + kEnding)).string());
        }
    } else {
        ImageFileWriter::write(real, (fs::path(staging_) / "imagesTr" / (id + kEnding)).string());
    }
    ImageFileWriter::write(labelVoxels, (fs::path(staging_) / "labelsTr" / (id + kEnding)).string(), true, 1);
    entries_.push_back({id, validation, origin});
}

std::string DatasetWriter::finish() {
    if (entries_.empty()) throw IoError(target_, "no cases to write");
    std::vector<std::string> channels = options_.channelNames;
    if (channels.empty()) channels.push_back(modality_.empty() ? "image" : modality_);
    json lumenLabels = json::array();
    for (const auto& l : labels_.labels()) {
        json entry = {{"value", l.value}, {"name", l.name}, {"color", {l.color.r, l.color.g, l.color.b}}};
        if (options_.format == Format::NnUnet) entry["file_value"] = fileValue_.at(l.value);
        lumenLabels.push_back(entry);
    }
    json lumen = {{"labels", lumenLabels}, {"written_by", "lumen-cli dataset export"}};
    json j;
    if (options_.format == Format::NnUnet) {
        json names = json::object(), labels = {{"background", 0}};
        for (std::size_t c = 0; c < channels.size(); ++c) names[std::to_string(c)] = channels[c];
        std::map<std::uint16_t, const core::Label*> byFileValue;
        for (const auto& l : labels_.labels()) byFileValue[fileValue_.at(l.value)] = &l;
        for (const auto& [value, l] : byFileValue) {
            std::string name = l->name;
            while (labels.contains(name)) name += " (" + std::to_string(l->value) + ")";  // names are keys: unique
            labels[name] = value;
        }
        json validation = json::array(), origins = json::object();
        for (const auto& e : entries_) {
            if (e.validation) validation.push_back(e.id);
            if (!e.origin.empty()) origins[e.id] = e.origin;
        }
        lumen["validation"] = validation;
        lumen["origins"] = origins;
        j = {{"channel_names", names}, {"labels", labels}, {"numTraining", entries_.size()}, {"file_ending", kEnding},
             {"name", options_.name}, {"description", options_.description}, {"lumen", lumen}};
    } else {
        json modality = json::object(), labels = {{"0", "background"}};
        for (std::size_t c = 0; c < channels.size(); ++c) modality[std::to_string(c)] = channels[c];
        for (const auto& l : labels_.labels()) labels[std::to_string(l.value)] = l.name;
        json training = json::array(), validation = json::array();
        for (const auto& e : entries_) {
            json entry = {{"image", "imagesTr/" + e.id + kEnding}, {"label", "labelsTr/" + e.id + kEnding}, {"lumen", {{"id", e.id}}}};
            if (!e.origin.empty()) entry["lumen"]["origin"] = e.origin;
            (e.validation ? validation : training).push_back(entry);
        }
        j = {{"name", options_.name}, {"description", options_.description}, {"modality", modality}, {"labels", labels},
             {"numTraining", training.size()}, {"training", training}, {"validation", validation}, {"lumen", lumen}};
    }
    core::writeFileAtomically((fs::path(staging_) / "dataset.json").string(), j.dump(1));
    fs::rename(staging_, target_);
    finished_ = true;
    return target_;
}

}  // namespace lumen::io
