#include "logic/ImportJob.h"

#include "core/OperationCanceled.h"
#include "core/PathComponent.h"
#include "core/Thumbnail.h"
#include "io/DicomIndexer.h"
#include "io/DicomSeriesLoader.h"
#include "io/ImageFileReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"
#include "io/SeriesAssembler.h"
#include "io/StudyDatabase.h"
#include "logic/BackgroundPriority.h"
#include "logic/DataLocations.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <filesystem>

namespace lumen::logic {

namespace fs = std::filesystem;

namespace {
constexpr int kStages = 3;  // headers, (copies), thumbnails: progress is split evenly

// Copies every instance under <imported>/<study>/<series>/ and points the records at the copies.
void copyInto(io::DicomIndex& index, const fs::path& root, core::Progress& progress) {
    std::size_t total = index.instanceCount(), done = 0;
    progress.beginStage("copy", total);
    for (auto& p : index.patients)
        for (auto& st : p.studies)
            for (auto& se : st.series) {
                const fs::path dir = root / core::uidPathComponent(st.studyUid) / core::uidPathComponent(se.seriesUid);
                fs::create_directories(dir);
                for (auto& r : se.instances) {
                    progress.checkCanceled();
                    const fs::path target = dir / ((r.sopInstanceUid.empty() ? std::to_string(done) : core::uidPathComponent(r.sopInstanceUid)) + ".dcm");
                    fs::copy_file(r.filePath, target, fs::copy_options::overwrite_existing);
                    r.filePath = target.string();
                    ++done;
                    progress.advance();
                }
            }
}
}  // namespace

void ImportJob::storeThumbnail(io::StudyDatabase& db, const core::SeriesRecord& series) {
    const auto stacks = io::SeriesAssembler::assemble(series);
    if (stacks.empty()) return;
    const auto& stack = *std::max_element(stacks.begin(), stacks.end(), [](const auto& a, const auto& b) { return a.frames.size() < b.frames.size(); });
    db.setThumbnail(series.seriesUid, core::makeThumbnail(io::DicomSeriesLoader::loadSlice(stack, stack.frameSlices() / 2)));
}

ImportJob::ImportJob(QString databasePath, QStringList paths, bool copyFiles, QObject* parent)
    : QObject(parent), databasePath_(std::move(databasePath)), paths_(std::move(paths)), copyFiles_(copyFiles),
      progress_([this](double f, const std::string&) { report(f); }) {
    qRegisterMetaType<ImportSummary>();
}

ImportJob::~ImportJob() {
    cancel();
    if (thread_) thread_->wait();
}

void ImportJob::start() {
    thread_.reset(QThread::create([this] {
        lowerCurrentThreadPriority();
        run();
    }));
    thread_->setObjectName("lumen-import");
    thread_->start();
}

void ImportJob::cancel() { progress_.cancel(); }

void ImportJob::report(double fraction) {
    emit progress((double(stageNumber_.load()) + fraction) / kStages, stage_);
}

void ImportJob::run() {
    try {
        ImportSummary summary;
        io::StudyDatabase db(databasePath_.toStdString());
        std::vector<std::string> dicomPaths;
        for (const QString& p : paths_) {
            const std::string path = p.toStdString();
            if (io::ImageLoader::isImageFile(path)) {
                // NIfTI/NRRD/MHA: one series per file, read once for its thumbnail.
                const core::Volume v = io::ImageFileReader::read(path);
                db.addImageFile(path, QFileInfo(p).fileName().toStdString());
                db.setThumbnail("file:" + path, core::makeThumbnail(v));
                summary.seriesUids << QString::fromStdString("file:" + path);
                ++summary.series;
                ++summary.files;
            } else {
                dicomPaths.push_back(path);
            }
        }
        if (!dicomPaths.empty()) {
            stage_ = tr("Reading DICOM headers");
            stageNumber_ = 0;
            io::DicomIndex index = io::DicomIndexer::index(dicomPaths, &progress_);
            if (copyFiles_) {
                stage_ = tr("Copying files into Lumen's folder");
                stageNumber_ = 1;
                copyInto(index, DataLocations::importedFiles().toStdString(), progress_);
            }
            summary.series += int(db.add(index));
            summary.files += int(index.instanceCount());
            summary.skipped = int(index.skipped);
            for (const auto& e : index.errors) summary.errors << QString::fromStdString(e.file + ": " + e.reason);

            stage_ = tr("Making thumbnails");
            stageNumber_ = 2;
            auto all = index.allSeries();
            std::stable_sort(all.begin(), all.end(), [](const auto* a, const auto* b) { return a->imageCount() > b->imageCount(); });
            progress_.beginStage("thumbnails", all.size());
            for (const auto* series : all) {
                progress_.checkCanceled();
                summary.seriesUids << QString::fromStdString(series->seriesUid);
                try {
                    storeThumbnail(db, *series);
                } catch (const io::IoError& e) {
                    summary.errors << QString::fromStdString(e.what());  // no thumbnail: the series still imports
                }
                progress_.advance();
            }
        }
        emit progress(1.0, tr("Done"));
        emit finished(summary);
    } catch (const core::OperationCanceled&) {
        emit canceled();
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

}  // namespace lumen::logic
