#include "TestSupport.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <execinfo.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace lumen::test {

namespace fs = std::filesystem;

namespace {
// A test that crashes prints the crashing thread's stack before it dies, so that a crash seen once
// in CI can be placed (addr2line -C -f -e EXE +OFFSET). Not under a sanitizer, whose own report is better.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
template <std::size_t N>
void say(const char (&text)[N]) { (void)!::write(2, text, N - 1); }
void printStackAndDie(int signal) {
    say("\n*** test crashed (signal ");
    const char digits[2] = {char('0' + signal / 10), char('0' + signal % 10)};
    (void)!::write(2, digits, 2);
    say("), stack of the crashing thread:\n");
    void* frames[64];
    backtrace_symbols_fd(frames, backtrace(frames, 64), 2);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
const bool stackOnCrash = [] {
    void* warm[1];
    backtrace(warm, 1);  // loads libgcc now: the handler must not allocate
    for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(s, printStackAndDie);
    return true;
}();
#endif
}  // namespace

fs::path sourceDir() { return LUMEN_SOURCE_DIR; }
fs::path binaryDir() { return LUMEN_BINARY_DIR; }
fs::path oracleScript(const std::string& name) { return sourceDir() / "tests" / "oracles" / name; }
fs::path lumenCli() { return binaryDir() / "bin" / "lumen-cli"; }

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

CommandResult run(const std::string& command) {
    static std::atomic<int> counter{0};
    const fs::path errFile = fs::temp_directory_path() /
                             ("lumen-stderr-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    CommandResult r;
    FILE* pipe = popen((command + " 2>" + quote(errFile.string())).c_str(), "r");
    if (!pipe) return r;
    std::array<char, 65536> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = readText(errFile);
    fs::remove(errFile);
    return r;
}

TempDir::TempDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    path_ = binaryDir() / "test-tmp" / (tag + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!std::getenv("LUMEN_KEEP_TEST_FILES")) fs::remove_all(path_, ec);
}

std::vector<std::string> filesUnder(const fs::path& dir) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace lumen::test

namespace lumen::test {

std::vector<std::string> dciodvfyErrors(const std::string& file, const std::string& iod) {
    const auto r = run("dciodvfy " + quote(file));
    const std::string report = r.out + r.err;  // dciodvfy reports on stderr
    if (report.find(iod) == std::string::npos) return {"dciodvfy did not check " + iod + ": " + report};
    std::vector<std::string> errors;
    std::istringstream lines(report);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("Error", 0) == 0) errors.push_back(line);
    return errors;
}

}  // namespace lumen::test
