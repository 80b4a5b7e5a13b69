#pragma once
// What the net suites share besides Orthanc: the text of a PacsError, and a helper Python server
// (tls_proxy.py, bad_dicomweb_server.py) run as a child that prints its port, killed at the end.
#include "TestSupport.h"
#include "net/PacsError.h"

#include <csignal>
#include <cstdlib>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace lumen::test {

// The PacsError `f` throws, or "no error".
inline std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const net::PacsError& e) {
        return e.what();
    }
    return "no error";
}

class ScriptServer {
public:
    // tests/net/SCRIPT with ARGS under Debian's Python; port() is 0 if it did not start.
    ScriptServer(const std::string& script, const std::vector<std::string>& args) {
        int out[2];
        if (::pipe(out) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], 1);
            const std::string path = std::string(LUMEN_NET_TEST_DIR) + "/" + script;
            std::vector<char*> argv{const_cast<char*>("python3"), const_cast<char*>(path.c_str())};
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(kDebianPython, argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        char line[16] = {};
        if (::read(out[0], line, sizeof line - 1) > 0) port_ = std::atoi(line);
        ::close(out[0]);
    }
    ~ScriptServer() {
        if (pid_ > 0) ::kill(pid_, SIGKILL), ::waitpid(pid_, nullptr, 0);
    }
    ScriptServer(const ScriptServer&) = delete;
    ScriptServer& operator=(const ScriptServer&) = delete;
    int port() const { return port_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace lumen::test
