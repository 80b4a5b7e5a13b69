#pragma once
// lumen-cli's subcommands. Each returns the process exit code; errors are thrown as
// exceptions and reported by main().
#include <string>
#include <vector>

namespace lumen::cli {

struct InfoArgs { std::string path; bool json = false; unsigned threads = 0; };
struct ConvertArgs {
    std::string input, output, seriesUid, modality, patientName, patientId;
    int stack = -1;
    bool toDicom = false;
};
struct LoadArgs { std::string path, seriesUid; int stack = -1; bool timing = false; unsigned threads = 0; };
struct DemoDataArgs { std::string outDir; std::size_t ctSlices = 240; };
struct SynthCtArgs {
    std::string outDir;
    std::size_t size = 512, slices = 300;
    double pixelSpacing = 0.75, sliceSpacing = 1.25;
    std::string patientName = "Synthetic^CT";
};

struct RenderArgs {
    std::string input, seriesUid, view = "axial", preset, overlay, size = "512x512", out;
    int slice = -1;
    double window = 0, level = 0;
    bool hasLevel = false, outline = false, noAnnotations = false, aligned = false;
};

struct SegExportArgs { std::string labels, source, out, labelTable; };
struct SegImportArgs { std::string seg, source, out; };
struct SrExportArgs { std::string annotations, source, out; };
struct SrImportArgs { std::string sr, out; };

struct DatasetExportArgs {
    std::string format = "nnunet", out, trainingSet, name = "Lumen", description, labelTable;
    int id = 501;
    bool anonymized = false;  // case names case_NNN, no origins: nothing that names a patient or a path
    std::vector<std::string> cases, validationCases, channelNames;  // cases: IMAGE LABEL pairs, flattened
};
struct DatasetImportArgs { std::string source, into; };

struct AnonymizeArgs {
    std::vector<std::string> inputs;
    std::string out, profile = "basic", patientId, map;
    bool allowBurnedIn = false;
};

struct PacsArgs {
    std::string dimse, dicomweb, server, serversFile, aet, user, passwordFile, tokenFile, ca, cert, key, level = "study", patientId, patientName, accession, studyDate, modality, description;
    std::string study, series, method, out;
    std::vector<std::string> files;
    int timeout = 0, listen = 0;  // 0: the --server's, else 10 s and 11112
    bool json = false, timing = false, tls = false;
    AnonymizeArgs anonymize;  // send: de-identified copies instead of the files (anonymize.inputs unused)
    bool anonymized = false;
};

int runInfo(const InfoArgs& args);
int runAnonymize(const AnonymizeArgs& args);
// De-identified copies of `inputs` in `out`, as `args` asks (profile, patient ID, identity map);
// each refusal on stderr. Returns the files written; `refused` counts the others. (anonymize, pacs send)
std::vector<std::string> deidentifyInto(const AnonymizeArgs& args, const std::vector<std::string>& inputs, const std::string& out,
                                        std::size_t& refused, std::string* method = nullptr);
int runDatasetExport(const DatasetExportArgs& args);
int runDatasetImport(const DatasetImportArgs& args);
int runPacsEcho(const PacsArgs& args);
int runPacsFind(const PacsArgs& args);
int runPacsGet(const PacsArgs& args);
int runPacsSend(const PacsArgs& args);
int runSegExport(const SegExportArgs& args);
int runSegImport(const SegImportArgs& args);
int runRtStructExport(const SegExportArgs& args);  // the same arguments: label map, source series, output
int runRtStructImport(const SegImportArgs& args);
int runSrExport(const SrExportArgs& args);
int runSrImport(const SrImportArgs& args);
int runRender(const RenderArgs& args);
int runConvert(const ConvertArgs& args);
int runLoad(const LoadArgs& args);
int runDemoData(const DemoDataArgs& args);
int runSynthCt(const SynthCtArgs& args);

}  // namespace lumen::cli
