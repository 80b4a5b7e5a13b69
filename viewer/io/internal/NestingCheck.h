#pragma once
// DCMTK parses sequences recursively: a file of sequences nested a hundred thousand deep (20
// bytes a level) overflows the stack and ends the process. Before DCMTK sees a file, its
// element structure up to the Pixel Data is walked here without recursion (tags and lengths
// only, seeking over values) and a nesting deeper than kMaxNesting is refused. Real files nest
// a few levels (an SR content tree a few dozen).
#include <string>

namespace lumen::io::internal {

inline constexpr int kMaxNesting = 64;

enum class DataSetEncoding { FromFile, ExplicitLittle };

// Throws IoError when sequences and items in `path` nest deeper than kMaxNesting. Anything else
// malformed is left for DCMTK to report. FromFile: a Part 10 file (its meta information names
// the transfer syntax) or a bare data set; ExplicitLittle: a bare data set in that encoding (an
// inflated one).
void checkNesting(const std::string& path, DataSetEncoding encoding = DataSetEncoding::FromFile);

}  // namespace lumen::io::internal
