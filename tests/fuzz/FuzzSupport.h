#pragma once
// What every harness shares. A harness is written once, as LUMEN_FUZZ_TARGET(name) { … }: in the
// fuzz preset (clang, -fsanitize=fuzzer) it is libFuzzer's entry point; in every other build it
// registers itself with fuzz_replay, which runs saved inputs through it (the regression tests).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lumen::fuzz {

using Target = int (*)(const std::uint8_t* data, std::size_t size);

struct Registration {
    Registration(const char* name, Target target);
};
Target find(const std::string& name);
std::vector<std::string> names();

// This process's scratch folder (in /dev/shm when there is one), emptied before each input.
const std::filesystem::path& freshScratch();
// `bytes` as the file `name` in the scratch folder.
std::filesystem::path writeFile(const std::string& name, std::string_view bytes);
// Several files in one input: the parts between separators (at most `most`).
std::vector<std::string_view> parts(const std::uint8_t* data, std::size_t size, std::size_t most);
inline constexpr std::string_view kSeparator = "\n--LUMEN-FILE--\n";
inline std::string_view text(const std::uint8_t* data, std::size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// The files the harnesses need beside their input (a series a SEG refers to): tests/fuzz/data.
std::filesystem::path dataDir();

}  // namespace lumen::fuzz

#ifdef LUMEN_LIBFUZZER
#define LUMEN_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
#else
#define LUMEN_FUZZ_TARGET(name)                                                                        \
    static int fuzz_##name(const std::uint8_t* data, std::size_t size);                                \
    static const ::lumen::fuzz::Registration registration_##name(#name, fuzz_##name);                  \
    static int fuzz_##name(const std::uint8_t* data, std::size_t size)
#endif
