#include "ui/internal/ToolkitNames.h"

#include <QCoreApplication>

namespace lumen::ui::internal {

namespace {
// For lupdate only: must list core::ctWindowLevelPresets(), render::volumePresetTitle() and
// core::findingStatusName();
// TranslationTest fails when one is missing from the .ts files.
[[maybe_unused]] const char* const kNames[] = {
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT brain"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT subdural"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT stroke"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT lung"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT mediastinum"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT abdomen"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT liver"),
    QT_TRANSLATE_NOOP("lumen::core::WindowLevel", "CT bone"),
    QT_TRANSLATE_NOOP("lumen::render::VolumePreset", "CT bone"),
    QT_TRANSLATE_NOOP("lumen::render::VolumePreset", "CT soft tissue"),
    QT_TRANSLATE_NOOP("lumen::render::VolumePreset", "CT lung"),
    QT_TRANSLATE_NOOP("lumen::render::VolumePreset", "MR default"),
    QT_TRANSLATE_NOOP("lumen::render::VolumePreset", "Maximum intensity projection"),
    QT_TRANSLATE_NOOP("lumen::core::Finding", "proposed"),
    QT_TRANSLATE_NOOP("lumen::core::Finding", "accepted"),
    QT_TRANSLATE_NOOP("lumen::core::Finding", "rejected"),
    QT_TRANSLATE_NOOP("lumen::core::Finding", "edited"),
};
}  // namespace

QString windowLevelPresetTitle(const std::string& englishName) {
    return QCoreApplication::translate("lumen::core::WindowLevel", englishName.c_str());
}

QString volumePresetTitle(render::VolumePreset preset) {
    return QCoreApplication::translate("lumen::render::VolumePreset", render::volumePresetTitle(preset).c_str());
}

QString findingStatusTitle(core::Finding::Status status) {
    return QCoreApplication::translate("lumen::core::Finding", core::findingStatusName(status));
}

}  // namespace lumen::ui::internal
