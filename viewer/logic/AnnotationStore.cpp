#include "logic/AnnotationStore.h"

#include "logic/BackgroundPriority.h"
#include "logic/Document.h"

namespace lumen::logic {

AnnotationStore::AnnotationStore(Document* document, QString dataDirectory, QObject* parent)
    : QObject(parent), document_(document), dataDirectory_(std::move(dataDirectory)) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(1000);
    connect(&debounce_, &QTimer::timeout, this, &AnnotationStore::autosave);
    connect(document_, &Document::imageChanged, this, &AnnotationStore::onImageChanged);
    connect(document_, &Document::edited, this, [this] {
        if (!workspace_) return;  // restores (setAnnotations) are not edits: they never come here
        dirty_ = true;
        debounce_.start();
    });
}

AnnotationStore::~AnnotationStore() { waitForWriter(); }

void AnnotationStore::waitForWriter() {
    if (writer_.joinable()) writer_.join();
}

void AnnotationStore::onImageChanged() {
    // The app saved the previous series before the switch; anything still pending belonged to it.
    debounce_.stop();
    waitForWriter();
    dirty_ = false;
    workspace_.reset();
    const std::string uid = document_->image().series.seriesUid;
    if (!document_->hasImage() || uid.empty()) return;
    workspace_ = Workspace(Workspace::folderFor(dataDirectory_.toStdString(), uid));
    if (workspace_->hasSaved()) {
        try {
            document_->setAnnotations(workspace_->load(document_->volume().geometry()));
        } catch (const std::exception& e) {
            emit failed(tr("The saved annotations of this series cannot be read (%1); they were left as they are.").arg(e.what()));
        }
    }
    if (workspace_->hasRecovery()) emit recoveryAvailable();
}

bool AnnotationStore::hasRecovery() const { return workspace_ && workspace_->hasRecovery(); }

void AnnotationStore::restoreRecovery() {
    waitForWriter();
    if (!hasRecovery()) return;
    try {
        document_->setAnnotations(workspace_->loadRecovery(document_->volume().geometry()));
        dirty_ = true;  // restored but not saved yet
    } catch (const std::exception& e) {
        emit failed(tr("The recovered annotations cannot be read (%1); they were left on disk.").arg(e.what()));
    }
}

void AnnotationStore::discardRecovery() {
    waitForWriter();
    if (workspace_) workspace_->discardRecovery();
}

bool AnnotationStore::save() {
    if (!workspace_) return false;
    debounce_.stop();
    waitForWriter();
    try {
        workspace_->save(document_->annotations());
    } catch (const std::exception& e) {
        emit failed(tr("Cannot save the annotations: %1").arg(e.what()));
        return false;
    }
    dirty_ = false;
    emit saved();
    return true;
}

void AnnotationStore::autosave() {
    if (!workspace_ || !dirty_) return;
    if (writing_) return debounce_.start();  // one write at a time; this edit goes in the next
    waitForWriter();
    // A snapshot: the user keeps editing the live label map while the worker writes.
    core::AnnotationSet snapshot = document_->annotations();
    if (!snapshot.labels.empty()) snapshot.labels = snapshot.labels.clone();
    writing_ = true;
    writer_ = std::thread([this, workspace = *workspace_, snapshot = std::move(snapshot)]() mutable {
        lowerCurrentThreadPriority();  // behind the GUI thread and the renderer's on two cores
        QString error;
        try {
            workspace.autosave(snapshot);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(this, [this, error] {
            writing_ = false;
            if (error.isEmpty()) emit autosaved();
            else emit failed(tr("Autosave failed: %1").arg(error));
        }, Qt::QueuedConnection);
    });
}

}  // namespace lumen::logic
