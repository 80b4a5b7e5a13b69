// PACS passwords: in the desktop keyring when there is one (ctest runs this again inside a D-Bus
// session with GNOME Keyring: SecretStore.KeepsThePasswordInTheDesktopKeyring), kept for the
// session only when there is none, and in neither case written to a file Lumen owns.
#include "TestSupport.h"
#include "logic/SecretStore.h"

#include "CoreApp.h"

#include <QTest>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <filesystem>

using namespace lumen;

namespace {

// Runs the event loop until `done` (the keyring answers over D-Bus).
bool waitFor(const std::function<bool()>& done) { return QTest::qWaitFor(done, 20000); }

std::string everythingUnder(const std::filesystem::path& dir) {
    std::string all;
    if (!std::filesystem::exists(dir)) return all;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) all += test::readText(e.path());
    return all;
}

TEST(SecretStore, KeepsThePasswordWhereItBelongsAndNowhereElse) {
    test::coreApp();
    const bool keyring = qEnvironmentVariableIsSet("LUMEN_EXPECT_KEYRING");
    logic::SecretStore& store = logic::SecretStore::instance();
    const QString secret = "s3cret-" + QString::number(::getpid());
    QString writeError = "pending";
    store.write("Test PACS", secret, [&](const QString& e) { writeError = e; });
    ASSERT_TRUE(waitFor([&] { return writeError != "pending"; })) << "the keyring never answered";
    if (keyring) EXPECT_TRUE(writeError.isEmpty()) << writeError.toStdString();
    else EXPECT_TRUE(writeError.contains("kept until Lumen closes")) << writeError.toStdString();

    QString read, readError = "pending";
    store.read("Test PACS", [&](const QString& s, const QString& e) { read = s, readError = e; });
    ASSERT_TRUE(waitFor([&] { return readError != "pending"; }));
    EXPECT_EQ(read, secret) << "this session knows it, keyring or not";

    store.forgetSession();
    readError = "pending";
    store.read("Test PACS", [&](const QString& s, const QString& e) { read = s, readError = e; });
    ASSERT_TRUE(waitFor([&] { return readError != "pending"; }));
    if (keyring) EXPECT_EQ(read, secret) << "read back from the keyring: " << readError.toStdString();
    else EXPECT_TRUE(read.isEmpty());

    // Lumen's own files (settings, data) never hold it.
    const auto config = std::filesystem::path(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation).toStdString()) / "Lumen";
    EXPECT_EQ(everythingUnder(config).find(secret.toStdString()), std::string::npos);
    store.remove("Test PACS");
}

}  // namespace
