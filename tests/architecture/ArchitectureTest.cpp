// The dependency rules of docs/architecture.md, checked on every source: a layer's headers
// (and all of viewer/core) must not include the toolkits that layer hides or must not use.
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

namespace fs = std::filesystem;

namespace {

struct Rule {
    std::string folder;     // relative to the source root
    bool sourcesToo;        // check .cpp files as well as headers
    std::vector<std::string> forbidden;  // include-path prefixes ("Q" means any Qt class header)
    std::string why;
};

const std::vector<Rule> kRules = {
    {"viewer/core", true, {"Q", "vtk", "itk", "dcmtk/", "gdcm", "torch/", "ATen/", "c10/", "openjpeg", "nlohmann/", "CLI/", "zlib"},
     "the data model is plain C++"},
    {"viewer/io", false, {"Q", "vtk", "itk", "dcmtk/", "gdcm", "torch/", "ATen/", "openjpeg", "zlib"},
     "io hides its toolkits behind plain headers (internal/ excepted)"},
    {"viewer/logic", false, {"vtk", "itk", "dcmtk/", "gdcm", "torch/", "ATen/", "QtWidgets", "QWidget", "QtGui"},
     "logic is headless: Qt Core only, no toolkits"},
    {"viewer/net", false, {"QtWidgets", "QWidget", "QtGui", "vtk", "itk", "dcmtk/", "gdcm", "torch/", "ATen/"},
     "net's public headers are plain C++: DCMTK stays in its sources (internal/ excepted)"},
    {"viewer/render", false, {"QtWidgets", "QWidget", "torch/", "ATen/"}, "render does not know widgets or Torch"},
    {"ai", false, {"Q", "vtk", "itk", "dcmtk/", "gdcm"}, "the AI engine builds without Qt, VTK, ITK and DCMTK"},
    {"ai/protocol", true, {"torch/", "ATen/", "c10/"}, "the worker protocol is shared with the viewer: no Torch"},
    {"ai/card", true, {"torch/", "ATen/", "c10/", "Q"}, "the applicability checks are shared with the viewer: no Torch, no Qt"},
};

bool forbiddenInclude(const std::string& path, const std::string& prefix) {
    if (prefix == "Q") return path.size() > 1 && path[0] == 'Q' && std::isalpha(static_cast<unsigned char>(path[1]));
    return path.rfind(prefix, 0) == 0;
}

std::vector<std::string> violationsUnder(const fs::path& root) {
    static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    std::vector<std::string> found;
    for (const Rule& rule : kRules) {
        const fs::path dir = root / rule.folder;
        if (!fs::exists(dir)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            const fs::path& p = entry.path();
            const std::string ext = p.extension().string();
            if (!entry.is_regular_file() || p.string().find("/internal/") != std::string::npos) continue;
            if (!(ext == ".h" || ext == ".hpp" || (rule.sourcesToo && ext == ".cpp"))) continue;
            std::ifstream in(p);
            std::string line;
            for (int n = 1; std::getline(in, line); ++n) {
                std::smatch m;
                if (!std::regex_search(line, m, include)) continue;
                for (const auto& prefix : rule.forbidden)
                    if (forbiddenInclude(m[1].str(), prefix))
                        found.push_back(fs::relative(p, root).string() + ":" + std::to_string(n) + " includes <" +
                                        m[1].str() + "> but " + rule.why);
            }
        }
    }
    return found;
}

TEST(Architecture, LayersIncludeOnlyWhatTheyMay) {
    const auto found = violationsUnder(lumen::test::sourceDir());
    for (const auto& v : found) ADD_FAILURE() << v;
    EXPECT_TRUE(fs::exists(lumen::test::sourceDir() / "viewer/core/Volume.h")) << "the checker looked in the wrong place";
}

TEST(Architecture, TheCheckerCatchesAViolation) {
    lumen::test::TempDir dir("architecture");
    fs::create_directories(dir / "viewer/core");
    fs::create_directories(dir / "viewer/io/internal");
    std::ofstream(dir / "viewer/core/Bad.h") << "#pragma once\n#include <vector>\n#include <QString>\n";
    std::ofstream(dir / "viewer/core/Bad.cpp") << "#include \"core/Bad.h\"\n#  include <vtkImageData.h>\n";
    std::ofstream(dir / "viewer/io/Leaky.h") << "#include <dcmtk/dcmdata/dctk.h>\n";
    std::ofstream(dir / "viewer/io/internal/Fine.h") << "#include <dcmtk/dcmdata/dctk.h>\n";
    std::ofstream(dir / "viewer/io/Fine.cpp") << "#include <itkImage.h>\n";
    const auto found = violationsUnder(dir.path());
    ASSERT_EQ(found.size(), 3u);
    for (const char* culprit : {"QString", "vtkImageData", "dcmtk/dcmdata"})
        EXPECT_TRUE(std::any_of(found.begin(), found.end(), [&](const std::string& v) { return v.find(culprit) != std::string::npos; }))
            << culprit;
}

}  // namespace
