#include "io/ImageLoader.h"

#include "io/DicomIndexer.h"
#include "io/DicomSeriesLoader.h"
#include "io/ImageFileReader.h"
#include "io/IoError.h"
#include "io/SeriesAssembler.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace lumen::io {

namespace {
double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

bool ImageLoader::isImageFile(const std::string& path) {
    return !std::filesystem::is_directory(path) && ImageFileReader::hasImageExtension(path);
}

namespace {
// The series with this UID, or (empty UID) the one with the most images.
const core::SeriesRecord& findSeries(const DicomIndex& index, const std::string& seriesUid) {
    const core::SeriesRecord* series = nullptr;
    if (!seriesUid.empty()) {
        series = index.findSeries(seriesUid);
        if (!series) throw IoError("", "no series with UID " + seriesUid);
    } else {
        for (const auto* s : index.allSeries())
            if (s->imageCount() > 0 && (!series || s->imageCount() > series->imageCount())) series = s;
    }
    if (!series || series->imageCount() == 0) throw IoError("", "no images found");
    return *series;
}
}  // namespace

std::vector<ImageStack> ImageLoader::stacksOf(const DicomIndex& index, const std::string& seriesUid,
                                              const core::SeriesRecord** chosen) {
    const core::SeriesRecord& series = findSeries(index, seriesUid);
    if (chosen) *chosen = &series;
    return SeriesAssembler::assemble(series);
}

ImageStack ImageLoader::dicomStack(const std::string& path) {
    const DicomIndex index = DicomIndexer::index({path});
    if (index.instanceCount() == 0) throw IoError(path, "no DICOM image series here");
    LoadRequest request;
    request.path = path;
    const core::SeriesRecord* series = nullptr;
    return selectStack(index, request, &series);
}

namespace {
// Stack `stackIndex` of a series, or (-1) the one with the most frames.
ImageStack pickStack(std::vector<ImageStack> stacks, int stackIndex, const std::string& path) {
    if (stacks.empty()) throw IoError(path, "the series has no loadable images");
    std::size_t pick = 0;
    if (stackIndex >= 0) {
        if (std::size_t(stackIndex) >= stacks.size())
            throw IoError(path, "the series has " + std::to_string(stacks.size()) + " stack(s), not " + std::to_string(stackIndex + 1));
        pick = std::size_t(stackIndex);
    } else {
        for (std::size_t i = 1; i < stacks.size(); ++i)
            if (stacks[i].frames.size() > stacks[pick].frames.size()) pick = i;
    }
    return std::move(stacks[pick]);
}
}  // namespace

ImageStack ImageLoader::selectStack(const DicomIndex& index, const LoadRequest& request, const core::SeriesRecord** series) {
    std::vector<ImageStack> stacks;
    try {
        stacks = stacksOf(index, request.seriesUid, series);
    } catch (const IoError& e) {
        throw IoError(request.path, e.reason());
    }
    return pickStack(std::move(stacks), request.stackIndex, request.path);
}

LoadedStack ImageLoader::loadSeries(core::SeriesRecord series, int stackIndex, core::Progress* progress, unsigned threads,
                                    const std::function<void(const ImageStack&)>& onStack) {
    LoadedStack out;
    for (;;) {
        out.stack = pickStack(SeriesAssembler::assemble(series), stackIndex, "");
        if (onStack) onStack(out.stack);
        try {
            out.volume = DicomSeriesLoader::load(out.stack, progress, threads);
            return out;
        } catch (const IoError& e) {
            auto& files = series.instances;
            const auto bad = std::find_if(files.begin(), files.end(), [&](const auto& r) { return r.filePath == e.file(); });
            // Not one file's fault (memory, say), or nothing left to show: the error stands.
            if (e.file().empty() || bad == files.end() || files.size() == 1) throw;
            out.skipped.push_back(e.what());
            files.erase(bad);
        }
    }
}

LoadedImage ImageLoader::load(const LoadRequest& request, core::Progress* progress) {
    LoadedImage result;
    const auto t0 = std::chrono::steady_clock::now();
    if (isImageFile(request.path)) {
        result.volume = ImageFileReader::read(request.path);
        result.files = 1;
        result.decodeMs = msSince(t0);
        return result;
    }
    const DicomIndex index = DicomIndexer::index({request.path}, progress, request.threads);
    result.indexMs = msSince(t0);
    if (index.instanceCount() == 0) {
        std::string why = "no DICOM images found";
        if (!index.errors.empty()) why += " (" + index.errors.front().file + ": " + index.errors.front().reason + ")";
        throw IoError(request.path, why);
    }
    const auto t1 = std::chrono::steady_clock::now();
    const core::SeriesRecord* series = nullptr;
    LoadedStack loaded;
    try {
        series = &findSeries(index, request.seriesUid);
        loaded = loadSeries(*series, request.stackIndex, progress, request.threads);
    } catch (const IoError& e) {
        throw IoError(e.file().empty() ? request.path : e.file(), e.reason());
    }
    const ImageStack& stack = loaded.stack;
    result.volume = std::move(loaded.volume);
    result.decodeMs = msSince(t1);
    result.warnings = stack.warnings;
    for (const auto& s : loaded.skipped) result.warnings.push_back("left out, unreadable: " + s);
    for (const auto& e : index.errors) result.warnings.push_back(e.file + ": " + e.reason);
    result.fromDicom = true;
    result.stackIndex = stack.stackIndex;
    result.stack = stack;
    result.windowCenter = stack.firstInstance().windowCenter;
    result.windowWidth = stack.firstInstance().windowWidth;
    result.files = stack.instances.size();
    result.series = *series;
    result.series.instances.clear();
    if (const auto* study = index.studyOf(*series)) {
        result.study = *study;
        result.study.series.clear();
    }
    if (const auto* patient = index.patientOf(*series)) {
        result.patient = *patient;
        result.patient.studies.clear();
    }
    return result;
}

}  // namespace lumen::io
