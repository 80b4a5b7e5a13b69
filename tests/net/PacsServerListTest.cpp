// Where the server list is read from: the user's own file, else the one the hospital's IT put in
// /etc/lumen; saving always writes the user's file and never the site's.
#include "net/PacsServerList.h"
#include "net/PacsError.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace lumen;
namespace fs = std::filesystem;

namespace {

// Sets variables for one test and puts the old values back.
class ScopedEnv {
public:
    void set(const char* name, const std::string& value) {
        const char* old = std::getenv(name);
        saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
        value.empty() ? ::unsetenv(name) : ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        for (auto it = saved_.rbegin(); it != saved_.rend(); ++it)
            it->second ? ::setenv(it->first, it->second->c_str(), 1) : ::unsetenv(it->first);
    }

private:
    std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

const char* kSite = R"({"servers": [{"name": "Hospital PACS",
  "dimse": {"aet": "ORTHANC", "host": "pacs.example.org", "port": 4242, "own_aet": "LUMEN-WS3"}}]})";

// A user's home and the site's /etc/lumen, both in a temporary folder.
struct PacsServerList : ::testing::Test {
    test::TempDir dir{"pacs-site"};
    ScopedEnv env;
    PacsServerList() {
        env.set("LUMEN_PACS_SERVERS", "");
        env.set("XDG_CONFIG_HOME", (dir / "home/.config").string());
        env.set("LUMEN_SYSTEM_CONFIG_DIR", (dir / "etc/lumen").string());
    }
};

}  // namespace

TEST_F(PacsServerList, AUserWithoutAFileOfTheirOwnReadsTheSitesAndSavesTheirOwnCopy) {
    const std::string user = net::PacsServerList::defaultPath(), site = net::PacsServerList::sitePath();
    EXPECT_EQ(site, (dir / "etc/lumen/pacs-servers.json").string());

    EXPECT_EQ(net::PacsServerList::readPath(), user) << "no site file: the user's (absent) file, an empty list";
    EXPECT_TRUE(net::PacsServerList::load(net::PacsServerList::readPath()).servers.empty());

    fs::create_directories(dir / "etc/lumen");
    std::ofstream(site) << kSite;
    ASSERT_EQ(net::PacsServerList::readPath(), site);
    auto list = net::PacsServerList::load(net::PacsServerList::readPath());
    ASSERT_EQ(list.servers.size(), 1u);
    EXPECT_EQ(list.servers[0].callingAet, "LUMEN-WS3");

    // The user adds a server in Preferences: their own file, the site's untouched.
    const std::string siteBefore = test::readText(site);
    list.servers.push_back(list.servers[0]);
    list.servers.back().name = "Research archive";
    list.save(net::PacsServerList::defaultPath());
    EXPECT_EQ(test::readText(site), siteBefore);
    EXPECT_EQ(net::PacsServerList::readPath(), user);
    EXPECT_EQ(net::PacsServerList::load(net::PacsServerList::readPath()).servers.size(), 2u);

    // $LUMEN_PACS_SERVERS names the file outright.
    env.set("LUMEN_PACS_SERVERS", (dir / "elsewhere.json").string());
    EXPECT_EQ(net::PacsServerList::readPath(), (dir / "elsewhere.json").string());
}

TEST_F(PacsServerList, ABrokenSiteFileIsAnErrorThatNamesIt) {
    fs::create_directories(dir / "etc/lumen");
    std::ofstream(dir / "etc/lumen/pacs-servers.json") << "{\"servers\": [{\"name\": ";
    try {
        net::PacsServerList::load(net::PacsServerList::readPath());
        FAIL() << "a truncated site file was read";
    } catch (const net::PacsError& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "etc/lumen/pacs-servers.json").string()), std::string::npos) << e.what();
    }
}
