// The study database: what goes in comes out, re-imports change nothing, filters and removal.
#include "TestSupport.h"
#include "io/DicomIndexer.h"
#include "io/SeriesAssembler.h"
#include "io/StudyDatabase.h"

#include "io/IoError.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace lumen;

namespace {

const std::string kDirTests = std::string(test::kPydicomTestFiles) + "/dicomdirtests";

std::size_t countSeries(const std::vector<io::PatientSummary>& patients) {
    std::size_t n = 0;
    for (const auto& p : patients)
        for (const auto& s : p.studies) n += s.series.size();
    return n;
}

TEST(StudyDatabase, StoresTheIndexAndReimportingIsIdempotent) {
    test::TempDir dir("db");
    io::StudyDatabase db((dir / "studies.sqlite").string());
    const auto index = io::DicomIndexer::index({kDirTests});
    db.add(index);
    const auto first = db.patients();
    EXPECT_EQ(first.size(), 3u);
    EXPECT_EQ(countSeries(first), 14u);
    db.add(index);
    db.add(io::DicomIndexer::index({kDirTests + "/TINY_ALPHA"}));  // a subset, again
    EXPECT_EQ(countSeries(db.patients()), 14u);
    EXPECT_EQ(db.seriesCount(), 14u);
    for (const auto* series : index.allSeries()) {
        const auto stored = db.series(series->seriesUid);
        ASSERT_TRUE(stored);
        ASSERT_EQ(stored->instances.size(), series->instances.size());
        // The records survive the round trip: assembly gives the same geometry.
        const auto a = io::SeriesAssembler::assemble(*series), b = io::SeriesAssembler::assemble(*stored);
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) EXPECT_TRUE(a[i].geometry == b[i].geometry);
    }
}

TEST(StudyDatabase, FiltersByNameIdModalityAndDate) {
    test::TempDir dir("db-filter");
    io::StudyDatabase db((dir / "studies.sqlite").string());
    db.add(io::DicomIndexer::index({kDirTests}));
    const auto all = db.patients();
    ASSERT_FALSE(all.empty());
    const std::string someone = all.front().name.substr(0, 3);
    io::StudyFilter byName;
    byName.text = someone;
    for (const auto& p : db.patients(byName)) EXPECT_NE(p.name.find(someone), std::string::npos);
    io::StudyFilter byModality;
    byModality.modality = "ct";
    for (const auto& p : db.patients(byModality))
        for (const auto& st : p.studies)
            for (const auto& se : st.series) EXPECT_EQ(se.modality, "CT");
    io::StudyFilter future;
    future.dateFrom = "29990101";
    EXPECT_TRUE(db.patients(future).empty());
}

TEST(StudyDatabase, RemovingTheLastSeriesRemovesItsStudyAndPatient) {
    test::TempDir dir("db-remove");
    io::StudyDatabase db((dir / "studies.sqlite").string());
    db.add(io::DicomIndexer::index({kDirTests + "/TINY_ALPHA"}));
    const auto p = db.patients();
    ASSERT_EQ(p.size(), 1u);
    core::Thumbnail t{2, 1, {10, 200}};
    const std::string uid = p[0].studies[0].series[0].seriesUid;
    db.setThumbnail(uid, t);
    EXPECT_EQ(db.summary(uid)->thumbnail.grey, t.grey);
    EXPECT_TRUE(db.removeSeries(uid));
    EXPECT_TRUE(db.patients().empty());
    EXPECT_FALSE(db.removeSeries(uid));
}

TEST(StudyDatabase, TwoConnectionsSeeEachOther) {
    test::TempDir dir("db-two");
    io::StudyDatabase reader((dir / "studies.sqlite").string());
    {
        io::StudyDatabase writer((dir / "studies.sqlite").string());
        writer.add(io::DicomIndexer::index({kDirTests + "/TINY_ALPHA"}));
    }
    EXPECT_EQ(reader.seriesCount(), 1u);
}

TEST(StudyDatabase, AnUnusableFileIsAClearError) {
    test::TempDir dir("db-bad");
    std::ofstream(dir / "bad.sqlite") << "this is not a database, and not empty either, so sqlite says so";
    EXPECT_THROW(io::StudyDatabase((dir / "bad.sqlite").string()), io::IoError);
}

}  // namespace
