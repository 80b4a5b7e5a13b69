#pragma once
// How a model's proposal that needs particular care shows in a list (segments, findings): a
// warning sign before the value the user checks first, in the warning colour, and the reasons
// (the engine's English messages) as its tooltip.
#include <QTreeWidgetItem>

#include <string>

namespace lumen::ui::internal {

void markCaution(QTreeWidgetItem& item, int column, const std::string& caution);

}  // namespace lumen::ui::internal
