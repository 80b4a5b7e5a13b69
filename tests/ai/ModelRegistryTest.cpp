#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/ModelError.h"
#include "ai/ModelRegistry.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

const char* kIdentity = "def forward(self, x):\n    return x\n";

fs::path makeVersion(const fs::path& staging, const std::string& version, const std::string& parent, const std::string& created) {
    ai::ModelManifest m = test::segmentationManifest(1);
    m.name = "brain";
    m.version = version;
    m.provenance.parentVersion = parent;
    m.provenance.created = created;
    if (!parent.empty()) m.provenance.trainingCases.push_back({"case1.nii.gz", "case1_seg.nii.gz", "", ""});
    const fs::path dir = staging / version;
    test::writePackage(dir, m, kIdentity);
    return dir;
}

struct Registry : ::testing::Test {
    test::TempDir tmp{"registry"};
    fs::path bundled = tmp / "bundled", user = tmp / "user";
    void SetUp() override {
        fs::create_directories(bundled / "brain");
        fs::rename(makeVersion(tmp / "staging", "1.0", "", "2026-01-01T00:00:00Z"), bundled / "brain/1.0");
    }
};

}  // namespace

TEST_F(Registry, ListsBundledAndUserVersionsAndResolvesReferences) {
    ai::ModelRegistry r(bundled, user);
    ASSERT_EQ(r.list().size(), 1u);
    EXPECT_TRUE(r.list()[0].bundled);
    EXPECT_TRUE(r.list()[0].active);
    EXPECT_EQ(r.resolve("brain"), bundled / "brain/1.0");

    const auto added = r.add(makeVersion(tmp / "staging", "1.1", "1.0", "2026-02-01T00:00:00Z"));
    EXPECT_FALSE(added.bundled);
    const auto all = r.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].version, "1.1");
    EXPECT_FALSE(all[1].active) << "an added version (a fine-tune) waits for someone to choose it";
    EXPECT_EQ(r.resolve("brain"), bundled / "brain/1.0");
    r.activate("brain", "1.1");
    EXPECT_EQ(r.resolve("brain"), user / "brain/1.1");
    EXPECT_EQ(r.resolve("brain@1.0"), bundled / "brain/1.0");
    EXPECT_EQ(r.resolve((bundled / "brain/1.0").string()), bundled / "brain/1.0");
    EXPECT_THROW(r.resolve("brain@9"), ai::ModelError);
    EXPECT_THROW(r.resolve("liver"), ai::ModelError);

    const auto chain = r.lineage("brain", "1.1");
    ASSERT_EQ(chain.size(), 2u);
    EXPECT_EQ(chain[1].version, "1.0");
    EXPECT_EQ(chain[0].trainingCases, 1u);
}

TEST_F(Registry, WithoutARecordedChoiceTheNewestVersionIsActive) {
    // A version put in place by hand (not through add): nobody chose, so the newest wins.
    fs::create_directories(user / "brain");
    fs::rename(makeVersion(tmp / "staging", "1.1", "1.0", "2026-02-01T00:00:00Z"), user / "brain/1.1");
    ai::ModelRegistry r(bundled, user);
    EXPECT_EQ(r.active("brain")->version, "1.1");
}

TEST_F(Registry, VersionsAreImmutable) {
    ai::ModelRegistry r(bundled, user);
    r.add(makeVersion(tmp / "staging", "1.1", "1.0", "2026-02-01T00:00:00Z"));
    const std::string before = test::readText(user / "brain/1.1/model.json");
    EXPECT_THROW(r.add(makeVersion(tmp / "staging2", "1.1", "1.0", "2026-03-01T00:00:00Z")), ai::ModelError);
    EXPECT_THROW(r.add(makeVersion(tmp / "staging3", "1.0", "", "2026-03-01T00:00:00Z")), ai::ModelError)
        << "a user version must not shadow a bundled one";
    EXPECT_EQ(test::readText(user / "brain/1.1/model.json"), before);
    EXPECT_FALSE(fs::exists(user / "brain/.1.1.staging"));
}

TEST_F(Registry, ActivateAndRollBack) {
    ai::ModelRegistry r(bundled, user);
    r.add(makeVersion(tmp / "staging", "1.1", "1.0", "2026-02-01T00:00:00Z"));
    r.add(makeVersion(tmp / "staging", "1.2", "1.1", "2026-03-01T00:00:00Z"));
    EXPECT_EQ(r.active("brain")->version, "1.0") << "added versions are not activated";
    r.activate("brain", "1.2");
    EXPECT_EQ(r.active("brain")->version, "1.2");
    r.activate("brain", "1.0");
    EXPECT_EQ(r.active("brain")->version, "1.0");
    r.activate("brain", "1.1");
    EXPECT_EQ(r.rollback("brain"), "1.0");
    EXPECT_EQ(r.active("brain")->version, "1.0");
    EXPECT_EQ(r.rollback("brain"), "1.2") << "back to what was active before 1.0";
    EXPECT_EQ(r.active("brain")->version, "1.2");
    EXPECT_EQ(r.rollback("brain"), "1.0") << "the version that was active when 1.1 was added";
    EXPECT_THROW(r.rollback("brain"), ai::ModelError) << "1.0 has no parent";
    EXPECT_THROW(r.activate("brain", "7"), ai::ModelError);
    EXPECT_THROW(r.activate("../x", "1.0"), ai::ModelError);
}

TEST_F(Registry, RefusesToActivateADamagedVersion) {
    ai::ModelRegistry r(bundled, user);
    r.add(makeVersion(tmp / "staging", "1.1", "1.0", "2026-02-01T00:00:00Z"));
    r.activate("brain", "1.0");
    fs::permissions(user / "brain/1.1/model.pt", fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(user / "brain/1.1/model.pt", std::ios::app) << "tampered";
    EXPECT_THROW(r.activate("brain", "1.1"), ai::ModelError);
    EXPECT_EQ(r.active("brain")->version, "1.0");
}
