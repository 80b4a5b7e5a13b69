#include "logic/SeriesLoadJob.h"

#include "core/OperationCanceled.h"
#include "io/DicomSeriesLoader.h"
#include "io/ImageFileReader.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"
#include "io/StudyDatabase.h"
#include "logic/BackgroundPriority.h"

#include <QThread>

#include <utility>

namespace lumen::logic {

SeriesLoadJob::SeriesLoadJob(QString databasePath, QString seriesUid, QObject* parent)
    : QObject(parent), databasePath_(std::move(databasePath)), seriesUid_(std::move(seriesUid)),
      progress_([this](double f, const std::string&) { emit progress(f, tr("Loading images")); }) {
    qRegisterMetaType<SharedVolume>();
    qRegisterMetaType<SharedImage>();
}

SeriesLoadJob::~SeriesLoadJob() {
    cancel();
    if (thread_) thread_->wait();
}

void SeriesLoadJob::start() {
    thread_.reset(QThread::create([this] {
        lowerCurrentThreadPriority();
        run();
    }));
    thread_->setObjectName("lumen-load");
    thread_->start();
}

void SeriesLoadJob::cancel() { progress_.cancel(); }

void SeriesLoadJob::run() {
    try {
        const std::string uid = seriesUid_.toStdString();
        io::StudyDatabase db(databasePath_.toStdString());
        auto image = std::make_shared<io::LoadedImage>();
        const auto summary = db.summary(uid);
        if (!summary) throw io::IoError("", "the series is no longer in the database");
        if (!summary->imageFile.empty()) {
            image->volume = io::ImageFileReader::read(summary->imageFile);
            image->files = 1;
            image->series.seriesUid = uid;  // its workspace's key
            emit loaded(image);
            return;
        }
        const auto record = db.series(uid);
        if (!record) throw io::IoError("", "the series has no images");
        bool previewed = false;  // the middle slice shows while the rest loads
        auto preview = [&](const io::ImageStack& stack) {
            if (std::exchange(previewed, true) || stack.needsResampling() || stack.geometry.dims()[2] < 2) return;
            try {
                emit firstSlice(std::make_shared<const core::Volume>(io::DicomSeriesLoader::loadSlice(stack, stack.frameSlices() / 2)));
            } catch (const io::IoError&) {  // an unreadable file: the load leaves it out and says so
            }
            progress_.checkCanceled();
        };
        io::LoadedStack stackLoaded = io::ImageLoader::loadSeries(*record, -1, &progress_, 0, preview);
        const io::ImageStack& stack = stackLoaded.stack;
        image->volume = std::move(stackLoaded.volume);
        for (const auto& s : stackLoaded.skipped) image->warnings.push_back(tr("left out, unreadable: %1").arg(QString::fromStdString(s)).toStdString());
        image->warnings.insert(image->warnings.end(), stack.warnings.begin(), stack.warnings.end());
        image->fromDicom = true;
        image->stackIndex = stack.stackIndex;
        image->stack = stack;
        image->windowCenter = stack.firstInstance().windowCenter;
        image->windowWidth = stack.firstInstance().windowWidth;
        image->files = stack.instances.size();
        image->series = *record;
        image->series.instances.clear();
        if (auto context = db.context(uid)) {
            image->patient = context->first;
            image->study = context->second;
        }
        emit loaded(image);
    } catch (const core::OperationCanceled&) {
        // Nobody waits for a canceled load.
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
}

}  // namespace lumen::logic
