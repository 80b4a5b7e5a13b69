#pragma once
#include "logic/Workspace.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <optional>
#include <thread>

namespace lumen::logic {

class Document;

// Keeps the open series' annotations in its workspace (<data>/workspaces/<series UID>): when a
// series opens it restores what was saved, after each completed edit it autosaves (debounced,
// so a brush stroke costs one write, and on a worker thread: a 512 × 512 × 400 label map takes
// most of a second to compress), and Save makes the state the saved one. When a session ended
// without saving (a crash), recoveryAvailable() lets the app offer the autosave.
class AnnotationStore : public QObject {
    Q_OBJECT
public:
    AnnotationStore(Document* document, QString dataDirectory, QObject* parent = nullptr);
    ~AnnotationStore() override;

    void setDebounceMs(int ms) { debounce_.setInterval(ms); }
    bool active() const { return workspace_.has_value(); }   // a DICOM series with a workspace is open
    bool dirty() const { return dirty_; }                     // edits since the last save
    bool hasRecovery() const;
    void restoreRecovery();   // the autosave replaces the document's annotations
    void discardRecovery();
    bool save();              // false (and failed()) when it cannot be written
    std::optional<Workspace> workspace() const { return workspace_; }

signals:
    void recoveryAvailable();
    void saved();
    void autosaved();
    void failed(const QString& message);

private:
    void onImageChanged();
    void autosave();
    void waitForWriter();  // before anything else touches the workspace

    Document* document_;
    QString dataDirectory_;
    std::optional<Workspace> workspace_;
    QTimer debounce_;
    bool dirty_ = false;
    std::thread writer_;  // the autosave in flight, on a snapshot of the annotations
    std::atomic<bool> writing_{false};
};

}  // namespace lumen::logic
