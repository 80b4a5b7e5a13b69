#include "ui/internal/CautionMark.h"

#include <QCoreApplication>

namespace lumen::ui::internal {

void markCaution(QTreeWidgetItem& item, int column, const std::string& caution) {
    item.setText(column, QStringLiteral("⚠ ") + item.text(column));
    item.setForeground(column, QColor(236, 112, 40));
    item.setToolTip(column, QCoreApplication::translate("lumen::ui::CautionMark", "Check this proposal with particular care: %1")
                                .arg(QString::fromStdString(caution)));
}

}  // namespace lumen::ui::internal
