// The German and French catalogues: complete, placeholders intact, compiled into the viewer, and
// covering the names that core and render keep in English.
#include "TestSupport.h"
#include "core/Annotation.h"
#include "core/Measurement.h"
#include "core/WindowLevel.h"
#include "logic/Document.h"
#include "ui/internal/ToolkitNames.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <set>

using namespace lumen;

namespace {

struct Message {
    QString context, source;
    QStringList translations;  // one, or the numerus forms
    bool unfinished = false;
};

std::vector<Message> readTs(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    std::vector<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    while (xml.readNext() != QXmlStreamReader::EndDocument && !xml.hasError()) {
        if (!xml.isStartElement()) continue;
        if (xml.name() == u"name") context = xml.readElementText();
        else if (xml.name() == u"message") out.push_back({context, {}, {}, false});
        else if (xml.name() == u"source") out.back().source = xml.readElementText();
        else if (xml.name() == u"translation") {
            out.back().unfinished = !xml.attributes().value("type").isEmpty();
            if (xml.readNext() == QXmlStreamReader::Characters && !xml.isWhitespace()) out.back().translations << xml.text().toString();
        } else if (xml.name() == u"numerusform") out.back().translations << xml.readElementText();
    }
    EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
    return out;
}

std::set<QString> placeholders(const QString& s) {
    std::set<QString> out;
    static const QRegularExpression re("%(\\d+|n)");
    for (auto it = re.globalMatch(s); it.hasNext();) out.insert(it.next().captured(0));
    return out;
}

QCoreApplication& app() {
    static int argc = 1;
    static char name[] = "translation_tests";
    static char* argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

class Catalogue : public ::testing::TestWithParam<const char*> {};

TEST_P(Catalogue, EveryEntryIsTranslatedWithItsPlaceholders) {
    const auto messages = readTs(QString::fromStdString((test::sourceDir() / "translations" / ("lumen_" + std::string(GetParam()) + ".ts")).string()));
    ASSERT_GT(messages.size(), 150u);
    for (const Message& m : messages) {
        const std::string where = m.context.toStdString() + ": \"" + m.source.toStdString() + "\"";
        EXPECT_FALSE(m.unfinished) << where;
        ASSERT_FALSE(m.translations.isEmpty()) << where;
        const auto expected = placeholders(m.source);
        for (const QString& t : m.translations) EXPECT_EQ(placeholders(t), expected) << where << " → " << t.toStdString();
    }
}

TEST_P(Catalogue, IsCompiledIntoTheViewerAndCoversCoreAndRenderNames) {
    app();
    QTranslator translator;
    ASSERT_TRUE(translator.load(QString(":/i18n/lumen_%1.qm").arg(GetParam()))) << "the .qm is not in lumen_ui's resources";
    for (const auto& preset : core::ctWindowLevelPresets())
        EXPECT_FALSE(translator.translate("lumen::core::WindowLevel", preset.name.c_str()).isEmpty()) << preset.name;
    for (auto preset : render::allVolumePresets())
        EXPECT_FALSE(translator.translate("lumen::render::VolumePreset", render::volumePresetTitle(preset).c_str()).isEmpty())
            << render::volumePresetTitle(preset);
    for (auto status : {core::Finding::Status::Proposed, core::Finding::Status::Accepted, core::Finding::Status::Rejected, core::Finding::Status::Edited})
        EXPECT_FALSE(translator.translate("lumen::core::Finding", core::findingStatusName(status)).isEmpty()) << core::findingStatusName(status);
}

INSTANTIATE_TEST_SUITE_P(Languages, Catalogue, ::testing::Values("de", "fr"));

// English is the source language; its catalogue gives the plural forms ("1 image", "24 images").
TEST(Translation, EnglishPluralsReadNaturally) {
    app();
    const auto messages = readTs(QString::fromStdString((test::sourceDir() / "translations" / "lumen_en.ts").string()));
    ASSERT_GT(messages.size(), 10u);
    for (const Message& m : messages) {
        const std::string where = m.context.toStdString() + ": \"" + m.source.toStdString() + "\"";
        EXPECT_FALSE(m.unfinished) << where;
        ASSERT_EQ(m.translations.size(), 2) << where;
        for (const QString& t : m.translations) EXPECT_FALSE(t.contains("(s)")) << where;
    }
    QTranslator translator;
    ASSERT_TRUE(translator.load(":/i18n/lumen_en.qm"));
    EXPECT_EQ(translator.translate("lumen::ui::ImportSummaryDialog", "%n image(s)", nullptr, 1), "%n image");
    EXPECT_EQ(translator.translate("lumen::ui::ImportSummaryDialog", "%n image(s)", nullptr, 24), "%n images");
}

TEST(Translation, InstalledGermanReachesMenusPresetsAndMeasurements) {
    app();
    QTranslator translator;
    ASSERT_TRUE(translator.load(":/i18n/lumen_de.qm"));
    QCoreApplication::installTranslator(&translator);
    EXPECT_EQ(QCoreApplication::translate("lumen::ui::MainWindow", "&File"), "&Datei");
    EXPECT_EQ(ui::internal::windowLevelPresetTitle("CT bone"), "CT Knochen");
    EXPECT_EQ(ui::internal::volumePresetTitle(render::VolumePreset::Mip), "Maximumintensitätsprojektion");
    core::Measurement ellipse;
    ellipse.kind = core::Measurement::Kind::Ellipse;
    ellipse.value = 250;
    ellipse.statistics = core::RegionStatistics{};
    ellipse.statistics->samples = 10;
    ellipse.statistics->mean = 40;
    EXPECT_TRUE(logic::measurementText(ellipse).startsWith("Mittel 40.0")) << logic::measurementText(ellipse).toStdString();
    QCoreApplication::removeTranslator(&translator);
    EXPECT_TRUE(logic::measurementText(ellipse).startsWith("mean 40.0"));
}

}  // namespace
