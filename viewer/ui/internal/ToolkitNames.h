#pragma once
// Names that core and render keep in English (they know no Qt), translated for menus. The
// strings are listed in ToolkitNames.cpp so that lupdate finds them.
#include "core/Annotation.h"
#include "render/VolumePreset.h"

#include <QString>

namespace lumen::ui::internal {

QString windowLevelPresetTitle(const std::string& englishName);
QString volumePresetTitle(render::VolumePreset preset);
QString findingStatusTitle(core::Finding::Status status);

}  // namespace lumen::ui::internal
