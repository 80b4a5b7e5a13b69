#include "Commands.h"

#include "io/DicomIndexer.h"
#include "io/DicomSeriesLoader.h"
#include "io/ImageFileReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"
#include "io/SeriesAssembler.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace lumen::cli {

using nlohmann::json;

namespace {

json geometryJson(const core::ImageGeometry& g) {
    const auto& d = g.dims();
    const auto& s = g.spacing();
    const auto& o = g.origin();
    return {{"dims", {d[0], d[1], d[2]}},
            {"spacing", {s.x, s.y, s.z}},
            {"origin", {o.x, o.y, o.z}},
            {"direction", g.direction().rowMajor()},
            {"orientation", g.orientationCode()}};
}

json seriesJson(const io::DicomIndex& index, const core::SeriesRecord& series) {
    json entries = json::array();
    const auto* patient = index.patientOf(series);
    json base = {{"series_uid", series.seriesUid},
                 {"study_uid", series.studyUid},
                 {"patient_id", patient ? patient->patientId : ""},
                 {"patient_name", patient ? patient->name : ""},
                 {"modality", series.modality},
                 {"description", series.description},
                 {"series_number", series.seriesNumber ? json(*series.seriesNumber) : json(nullptr)}};
    if (series.imageCount() == 0) {
        json e = base;
        e["kind"] = "non-image";
        e["files"] = series.instances.size();
        for (const char* key : {"dims", "spacing", "origin", "direction", "orientation", "pixel_type"}) e[key] = nullptr;
        e["warnings"] = json::array();
        e["sop_class_uid"] = series.instances.front().sopClassUid;
        entries.push_back(e);
        return entries;
    }
    for (const auto& stack : io::SeriesAssembler::assemble(series)) {
        json e = base;
        e["kind"] = "image";
        e["stack"] = stack.stackIndex;
        e["label"] = stack.label;
        e["files"] = stack.instances.size();
        e.update(geometryJson(stack.geometry));
        e["time_points"] = stack.timePoints;
        e["pixel_type"] = core::pixelTypeName(io::DicomSeriesLoader::volumeType(stack));
        e["warnings"] = stack.warnings;
        entries.push_back(e);
    }
    return entries;
}

void printTable(const json& out) {
    for (const auto& s : out["series"]) {
        if (s["kind"] == "non-image") {
            std::printf("%-6s %-40s %zu non-image file(s) (SOP class %s)\n", s["modality"].get<std::string>().c_str(),
                        s["description"].get<std::string>().c_str(), s["files"].get<std::size_t>(),
                        s["sop_class_uid"].get<std::string>().c_str());
            continue;
        }
        const auto& d = s["dims"];
        const auto& sp = s["spacing"];
        std::printf("%-6s %-40s %4zu x %4zu x %4zu  %.3g x %.3g x %.3g mm  %s  %zu file(s)  %s\n",
                    s["modality"].get<std::string>().c_str(), s["description"].get<std::string>().substr(0, 40).c_str(),
                    d[0].get<std::size_t>(), d[1].get<std::size_t>(), d[2].get<std::size_t>(), sp[0].get<double>(),
                    sp[1].get<double>(), sp[2].get<double>(), s["orientation"].get<std::string>().c_str(),
                    s["files"].get<std::size_t>(), s["pixel_type"].get<std::string>().c_str());
        if (!s["patient_name"].get<std::string>().empty())
            std::printf("       patient %s (%s), series %s\n", s["patient_name"].get<std::string>().c_str(),
                        s["patient_id"].get<std::string>().c_str(), s["series_uid"].get<std::string>().c_str());
        for (const auto& w : s["warnings"]) std::printf("       warning: %s\n", w.get<std::string>().c_str());
    }
    std::printf("%zu series/stack(s), %zu file(s) skipped (not DICOM), %zu error(s)\n", out["series"].size(),
                out["skipped"].get<std::size_t>(), out["errors"].size());
    for (const auto& e : out["errors"])
        std::printf("  error: %s: %s\n", e["file"].get<std::string>().c_str(), e["reason"].get<std::string>().c_str());
}

}  // namespace

int runInfo(const InfoArgs& args) {
    json out = {{"series", json::array()}, {"skipped", 0}, {"errors", json::array()}};
    if (io::ImageLoader::isImageFile(args.path)) {
        const core::Volume v = io::ImageFileReader::read(args.path);
        json e = {{"series_uid", ""}, {"study_uid", ""}, {"patient_id", ""}, {"patient_name", ""},
                  {"modality", ""}, {"description", args.path}, {"kind", "image"}, {"files", 1},
                  {"time_points", v.timePoints()}, {"pixel_type", core::pixelTypeName(v.pixelType())},
                  {"warnings", json::array()}, {"series_number", nullptr}};
        e.update(geometryJson(v.geometry()));
        out["series"].push_back(e);
    } else {
        const io::DicomIndex index = io::DicomIndexer::index({args.path}, nullptr, args.threads);
        for (const auto* series : index.allSeries())
            for (auto& e : seriesJson(index, *series)) out["series"].push_back(e);
        // One named file that yields nothing is an error; a folder without images is an answer.
        if (std::filesystem::is_regular_file(args.path) && index.instanceCount() == 0) {
            if (!index.errors.empty()) throw io::IoError(index.errors[0].file, index.errors[0].reason);
            throw io::IoError(args.path, "not a DICOM, NIfTI, NRRD or MetaImage file");
        }
        out["skipped"] = index.skipped;
        out["duplicates"] = index.duplicates;
        for (const auto& e : index.errors) out["errors"].push_back({{"file", e.file}, {"reason", e.reason}});
    }
    if (args.json)
        std::cout << out.dump() << "\n";
    else
        printTable(out);
    return 0;
}

}  // namespace lumen::cli
