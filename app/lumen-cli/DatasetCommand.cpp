// lumen-cli dataset export|import: training sets to and from nnU-Net v2 raw datasets and MONAI
// datalists, every label map placed on its image's grid on the way.
#include "Commands.h"

#include "core/AtomicFile.h"
#include "io/AnnotationJson.h"
#include "io/ImageFileReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "io/TrainingDataset.h"
#include "logic/TrainingSetStore.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <iostream>

namespace lumen::cli {

namespace fs = std::filesystem;

namespace {

struct Input {
    std::string id;
    std::vector<std::string> images;
    std::string label, origin;
    bool validation = false;
};

// One image (a DICOM series folder or file, or an image file), or one file per channel stacked
// as time points.
io::LoadedImage loadImage(const std::vector<std::string>& files) {
    if (files.size() == 1) return io::ImageLoader::load(files[0]);
    io::LoadedImage first = io::ImageLoader::load(files[0]);
    core::Volume stacked = core::Volume::allocate(first.volume.pixelType(), first.volume.geometry(), files.size());
    for (std::size_t c = 0; c < files.size(); ++c) {
        const core::Volume channel = c == 0 ? first.volume : io::ImageFileReader::read(files[c]);
        if (!channel.geometry().isApprox(first.volume.geometry(), 1e-3) || channel.pixelType() != first.volume.pixelType() ||
            channel.timePoints() != 1 || !(channel.rescale() == first.volume.rescale()))
            throw io::IoError(files[c], "a channel must have the first channel's grid, voxel type and scaling");
        std::memcpy(stacked.frameData(c), channel.data(), channel.frameByteSize());
    }
    stacked.setRescale(first.volume.rescale());
    first.volume = stacked;
    return first;
}

// A label map on `image`'s grid with Lumen's values and names: the dataset's mapping and table
// first, then the file's own sidecar, then `table`.
core::LabelMap loadLabels(const Input& in, const io::LoadedImage& image, const io::TrainingDataset* from, const core::LabelTable& table) {
    std::vector<std::string> warnings;
    core::LabelMap labels = io::LabelMapReader::read(in.label, image.volume.geometry(), &warnings);
    for (const auto& w : warnings) std::cerr << "lumen-cli: warning: " << w << "\n";
    if (from && !from->fileToLumen.empty()) {
        core::LabelMap mapped(labels.geometry(), core::PixelType::UInt16);
        for (std::size_t n = 0; n < labels.geometry().voxelCount(); ++n)
            if (const auto v = labels.at(n)) {
                const auto it = from->fileToLumen.find(v);
                if (it == from->fileToLumen.end()) throw io::IoError(in.label, "value " + std::to_string(v) + " is not one of dataset.json's labels");
                mapped.set(n, it->second);
            }
        labels = mapped;
    }
    if (fs::exists(io::labelSidecarPath(in.label))) {
        core::AnnotationSet set;
        io::readLabelSidecar(io::readAnnotationText(io::labelSidecarPath(in.label)), set);
        for (const auto& l : set.labels.labels().labels()) labels.labels().set(l);
    }
    for (const core::LabelTable* t : {from ? &from->labels : nullptr, &table})
        if (t)
            for (const auto& l : t->labels()) labels.labels().set(l);
    return labels;
}

std::vector<Input> pairs(const std::vector<std::string>& flat, bool validation, std::size_t first) {
    std::vector<Input> out;
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
        char id[32];
        std::snprintf(id, sizeof id, "case_%03zu", first + out.size() + 1);
        out.push_back({id, {flat[i]}, flat[i + 1], flat[i] + " + " + flat[i + 1], validation});
    }
    return out;
}

}  // namespace

int runDatasetExport(const DatasetExportArgs& args) {
    std::vector<Input> inputs;
    std::optional<io::TrainingDataset> from;
    if (!args.trainingSet.empty()) {
        from = io::TrainingDataset::read(args.trainingSet);
        for (const auto& c : from->cases) inputs.push_back({c.id, c.images, c.label, c.origin, c.validation});
    }
    for (const auto& in : pairs(args.cases, false, inputs.size())) inputs.push_back(in);
    for (const auto& in : pairs(args.validationCases, true, inputs.size())) inputs.push_back(in);
    if (inputs.empty()) throw io::IoError(args.out, "nothing to export: give --training-set or --case IMAGE LABEL");
    // De-identified: a training set's case names and origins may name the patient or the
    // folder the series came from; NIfTI itself carries no DICOM attributes.
    if (args.anonymized)
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "case_%03zu", i + 1);
            inputs[i].id = id, inputs[i].origin.clear();
        }

    core::LabelTable table;
    if (!args.labelTable.empty()) {
        core::AnnotationSet set;
        try {
            io::readLabelSidecar(io::readAnnotationText(args.labelTable), set);
        } catch (const io::AnnotationFormatError&) {
            set.labels.labels() = io::LabelMapReader::readLabelDescription(args.labelTable);  // ITK-SNAP or mricron text
            if (set.labels.labels().empty()) throw io::IoError(args.labelTable, "no labels: not a label sidecar JSON, ITK-SNAP or mricron text");
        }
        table = set.labels.labels();
    }
    io::DatasetWriter::Options options;
    options.format = args.format == "monai" ? io::TrainingDataset::Format::MonaiDatalist : io::TrainingDataset::Format::NnUnet;
    options.name = args.name;
    options.id = args.id;
    options.description = args.description;
    options.channelNames = args.channelNames.empty() && from ? from->channelNames : args.channelNames;
    io::DatasetWriter writer(args.out, options);
    for (const Input& in : inputs) {
        const io::LoadedImage image = loadImage(in.images);
        const core::LabelMap labels = loadLabels(in, image, from ? &*from : nullptr, table);
        writer.add(in.id, image.volume, labels, in.validation, image.fromDicom, image.series.modality, in.origin);
        std::cerr << "  " << in.id << (in.validation ? " (validation)" : "") << ": " << labels.histogram().size() << " label(s)\n";
    }
    const std::string written = writer.finish();
    std::cout << nlohmann::json{{"dataset", written}, {"format", args.format}, {"cases", inputs.size()}}.dump() << "\n";
    return 0;
}

int runDatasetImport(const DatasetImportArgs& args) {
    const io::TrainingDataset from = io::TrainingDataset::read(args.source);
    logic::TrainingSetStore store(QString::fromStdString(args.into));
    std::size_t added = 0;
    for (const auto& c : from.cases) {
        const Input in{c.id, c.images, c.label, c.origin, c.validation};
        const io::LoadedImage image = loadImage(c.images);
        logic::TrainingCaseDraft draft;
        draft.image = image.volume;
        draft.labels = loadLabels(in, image, &from, {}).voxels();
        draft.info.validation = c.validation;
        draft.info.origin = QString::fromStdString(c.origin.empty() ? (fs::path(args.source) / c.id).string() : c.origin);
        const logic::TrainingCase stored = store.add(draft);
        std::cerr << "  " << c.id << " → " << stored.id.toStdString() << (c.validation ? " (validation)" : "") << "\n";
        ++added;
    }
    nlohmann::json labels = nlohmann::json::array();
    for (const auto& l : from.labels.labels()) labels.push_back({{"value", l.value}, {"name", l.name}});
    std::cout << nlohmann::json{{"training_set", args.into}, {"cases", added}, {"labels", labels}}.dump() << "\n";
    return 0;
}

}  // namespace lumen::cli
