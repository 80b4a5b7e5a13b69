#pragma once
#include "core/LabelMap.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lumen::io {

// A segmentation training set as other tools keep it: nnU-Net v2's raw dataset
// (DatasetNNN_Name/imagesTr/<case>_0000.nii.gz, labelsTr/<case>.nii.gz, dataset.json) or a MONAI /
// Decathlon datalist ({"training": [{"image", "label"}], "validation": [...]}, the form of
// Lumen's own training sets).
struct DatasetCase {
    std::string id;                   // nnU-Net's case identifier; for a datalist, the image's stem
    std::vector<std::string> images;  // absolute paths: one per channel (nnU-Net), or one (4D for channels)
    std::string label;                // absolute path
    bool validation = false;
    std::string origin;               // what Lumen knows of where it came from ("" when nothing)
};

struct TrainingDataset {
    enum class Format { NnUnet, MonaiDatalist };
    Format format = Format::MonaiDatalist;
    std::string name, description;
    std::vector<std::string> channelNames;
    core::LabelTable labels;  // Lumen's values, names and colours
    // A label file's value → Lumen's (nnU-Net's labels are consecutive; Lumen keeps what the user
    // chose and records it in dataset.json's "lumen" entry). Empty: the same values.
    std::map<std::uint16_t, std::uint16_t> fileToLumen;
    std::vector<DatasetCase> cases;

    // A folder with an nnU-Net dataset.json (one with "channel_names"), a datalist file, or a
    // folder with datalist.json or a Decathlon dataset.json. Throws IoError naming what is wrong.
    static TrainingDataset read(const std::string& path);
};

// Writes a dataset case by case into a staging folder that becomes `out` whole at finish()
// (nothing half-written is left when a case fails). Images are written as dcm2niix would: real
// values, and for a DICOM series its voxels with the row axis flipped (dcm2niix's order, same
// positions), so a label map made on either file fits the other.
class DatasetWriter {
public:
    struct Options {
        TrainingDataset::Format format = TrainingDataset::Format::NnUnet;
        std::string name = "Lumen";          // nnU-Net: DatasetNNN_<name>
        int id = 501;                        // nnU-Net dataset number (501..999: not a downloaded one)
        std::string description;
        std::vector<std::string> channelNames;  // default: the first case's modality or "image"
    };
    // `parent`: the folder the dataset goes into (nnU-Net: parent/DatasetNNN_Name; MONAI: parent
    // itself, which must not exist). Throws IoError when the target exists.
    DatasetWriter(const std::string& parent, Options options);
    ~DatasetWriter();
    DatasetWriter(const DatasetWriter&) = delete;
    DatasetWriter& operator=(const DatasetWriter&) = delete;

    const std::string& target() const { return target_; }
    // `image`: channels as time points, with its rescale; `labels` on its grid (Lumen's values,
    // named in its table). `dicomSource`: reorder as dcm2niix does.
    void add(const std::string& id, const core::Volume& image, const core::LabelMap& labels, bool validation,
             bool dicomSource, const std::string& modality = "", const std::string& origin = "");
    // Writes dataset.json and moves the folder into place; returns the dataset's folder.
    std::string finish();

private:
    struct Entry { std::string id; bool validation; std::string origin; };
    Options options_;
    std::string target_, staging_;
    core::LabelTable labels_;
    std::map<std::uint16_t, std::uint16_t> fileValue_;  // nnU-Net: Lumen's value → the consecutive one in the files
    std::vector<Entry> entries_;
    std::string modality_;
    bool finished_ = false;
};

// nnU-Net case identifiers: letters, digits, '_' and '-' (a case's files are <id>_0000.nii.gz).
std::string datasetCaseId(const std::string& text);

}  // namespace lumen::io
