#pragma once
#include <QLocale>
#include <QString>

namespace lumen::logic {

// A number as the UI's language writes it ("97,5" in German): every value the viewer shows goes
// through here, so that a window never mixes "97.5" and "136,6". No thousands separator: "W 1500",
// never "W 1.500". Files and exports keep '.'.
inline QString numberText(double value, int precision, char format = 'f') {
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, format, precision);
}

}  // namespace lumen::logic
