// fuzz_replay NAME FILE|FOLDER…: runs saved inputs (a corpus, crashes kept as regressions) through
// one harness, built with the project's usual compiler. Exit 0 when every input went through.
#include "FuzzSupport.h"

#include <cstdio>
#include <fstream>
#include <iterator>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    if (argc < 3 || !lumen::fuzz::find(argv[1])) {
        std::fprintf(stderr, "usage: fuzz_replay NAME FILE|FOLDER...\nharnesses:");
        for (const auto& n : lumen::fuzz::names()) std::fprintf(stderr, " %s", n.c_str());
        std::fprintf(stderr, "\n");
        return 2;
    }
    const lumen::fuzz::Target target = lumen::fuzz::find(argv[1]);
    int inputs = 0;
    const auto replay = [&](const fs::path& file) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++inputs;
    };
    for (int i = 2; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file()) replay(e.path());
        } else if (fs::exists(argv[i])) {
            replay(argv[i]);
        }
    }
    std::printf("%s: %d input(s) replayed\n", argv[1], inputs);
    return 0;
}
