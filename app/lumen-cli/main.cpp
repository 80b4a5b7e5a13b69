// lumen-cli: Lumen's headless tools. Composition only: parse the command line, call io and net.
#include "Commands.h"
#include "core/OperationCanceled.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

using namespace lumen::cli;

namespace {
// Errors are one line on stderr, whatever a library put in its message.
int fail(const char* what) {
    std::string line = what;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    std::cerr << "lumen-cli: error: " << line << "\n";
    return 1;
}
}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Lumen command-line tools: inspect, load, convert and export medical images"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "lumen-cli " LUMEN_VERSION);

    InfoArgs info;
    auto* infoCmd = app.add_subcommand("info", "List the series in a DICOM file, folder or DICOMDIR, or a NIfTI/NRRD/MHA file");
    infoCmd->add_option("path", info.path, "File, folder or DICOMDIR")->required();
    infoCmd->add_flag("--json", info.json, "One JSON object instead of a table");
    infoCmd->add_option("--threads", info.threads, "Threads for reading headers (0 = all cores)");

    ConvertArgs convert;
    auto* convertCmd = app.add_subcommand("convert", "Convert to NIfTI/NRRD/MHA (by extension) or to a DICOM series folder");
    convertCmd->add_option("input", convert.input, "DICOM file/folder/DICOMDIR or NIfTI/NRRD/MHA file")->required();
    convertCmd->add_option("output", convert.output, "Output file, or folder ending in '/' for DICOM")->required();
    convertCmd->add_option("--series", convert.seriesUid, "SeriesInstanceUID to convert (default: the largest series)");
    convertCmd->add_option("--stack", convert.stack, "Stack of the series (see info; default: the largest)");
    convertCmd->add_flag("--to-dicom", convert.toDicom, "Write a DICOM series folder");
    convertCmd->add_option("--modality", convert.modality, "Modality of a new DICOM series (CT, MR, OT)");
    convertCmd->add_option("--patient-name", convert.patientName, "Patient name for a new DICOM series (DICOM PN)");
    convertCmd->add_option("--patient-id", convert.patientId, "Patient ID for a new DICOM series");

    LoadArgs load;
    auto* loadCmd = app.add_subcommand("load", "Load a series fully into memory");
    loadCmd->add_option("path", load.path, "File, folder or DICOMDIR")->required();
    loadCmd->add_option("--series", load.seriesUid, "SeriesInstanceUID (default: the largest series)");
    loadCmd->add_option("--stack", load.stack, "Stack of the series (default: the largest)");
    loadCmd->add_flag("--timing", load.timing, "Print one JSON line of timings");
    loadCmd->add_option("--threads", load.threads, "Threads (0 = all cores)");

    DemoDataArgs demo;
    auto* demoCmd = app.add_subcommand("demo-data", "Write the demo study: a real T1 brain MRI and a synthetic CT, as DICOM");
    demoCmd->add_option("outdir", demo.outDir, "Folder to write (created; must not hold a demo already)")->required();
    demoCmd->add_option("--ct-slices", demo.ctSlices, "Slices of the synthetic CT");

    SynthCtArgs synth;
    auto* synthCmd = app.add_subcommand("synth-ct", "Write a synthetic CT series (DICOM) of any size");
    synthCmd->add_option("outdir", synth.outDir, "Folder to write the series into")->required();
    synthCmd->add_option("--size", synth.size, "Rows and columns")->check(CLI::Range(16, 4096));
    synthCmd->add_option("--slices", synth.slices, "Number of slices")->check(CLI::Range(1, 5000));
    synthCmd->add_option("--pixel-spacing", synth.pixelSpacing, "In-plane spacing, mm")->check(CLI::PositiveNumber);
    synthCmd->add_option("--slice-spacing", synth.sliceSpacing, "Slice spacing, mm")->check(CLI::PositiveNumber);
    synthCmd->add_option("--patient-name", synth.patientName, "Patient name (DICOM PN)");

    RenderArgs renderArgs;
    auto* renderCmd = app.add_subcommand("render", "Render a view to PNG with the viewer's pipeline (needs X: use xvfb-run without a display)");
    renderCmd->add_option("input", renderArgs.input, "DICOM file/folder/DICOMDIR or NIfTI/NRRD/MHA file")->required();
    renderCmd->add_option("--series", renderArgs.seriesUid, "SeriesInstanceUID (default: the largest series)");
    renderCmd->add_option("--view", renderArgs.view, "axial, coronal, sagittal or 3d");
    renderCmd->add_option("--slice", renderArgs.slice, "Slice number in the view (default: the middle)");
    renderCmd->add_option("--window", renderArgs.window, "Window width (real units, HU on CT; default: the file's window, else by modality)");
    auto* levelOpt = renderCmd->add_option("--level", renderArgs.level, "Window centre (real units)");
    renderCmd->add_option("--preset", renderArgs.preset, "3D preset: ct-bone, ct-soft-tissue, ct-lung, mr-default, mip");
    renderCmd->add_option("--overlay", renderArgs.overlay, "Label map (NIfTI/NRRD/MHA) on the same grid");
    renderCmd->add_flag("--outline", renderArgs.outline, "Draw label outlines instead of filling");
    renderCmd->add_flag("--aligned", renderArgs.aligned, "2D: the image grid's plane nearest to the view (oblique scans)");
    renderCmd->add_flag("--no-annotations", renderArgs.noAnnotations, "2D: no corner text, orientation letters or scale bar");
    renderCmd->add_option("--size", renderArgs.size, "WIDTHxHEIGHT in pixels");
    renderCmd->add_option("--out", renderArgs.out, "PNG to write")->required();

    auto* segCmd = app.add_subcommand("seg", "DICOM Segmentation objects (binary segments) to and from label maps");
    segCmd->require_subcommand(1);
    SegExportArgs segExport;
    auto* segExportCmd = segCmd->add_subcommand("export", "Write a label map as a DICOM SEG referencing its source series");
    segExportCmd->add_option("--labels", segExport.labels, "Label map (NIfTI/NRRD/MHA) on the series' grid")->required();
    segExportCmd->add_option("--source", segExport.source, "The source DICOM series (folder)")->required();
    segExportCmd->add_option("--out", segExport.out, "SEG file to write")->required();
    segExportCmd->add_option("--label-table", segExport.labelTable, "Names, colours, codes: a label sidecar JSON or annotations.json");
    SegImportArgs segImport;
    auto* segImportCmd = segCmd->add_subcommand("import", "Read a DICOM SEG onto its source series as a label map + JSON sidecar");
    segImportCmd->add_option("seg", segImport.seg, "The SEG file")->required();
    segImportCmd->add_option("--source", segImport.source, "The source DICOM series (folder)")->required();
    segImportCmd->add_option("--out", segImport.out, "Label map to write (.nii.gz, .nrrd, .mha with .json and ITK-SNAP .txt sidecars, or .seg.nrrd)")->required();

    auto* rtCmd = app.add_subcommand("rtstruct", "DICOM RT Structure Sets (closed planar contours) to and from label maps");
    rtCmd->require_subcommand(1);
    SegExportArgs rtExport;
    auto* rtExportCmd = rtCmd->add_subcommand("export", "Write a label map as an RTSTRUCT on its source series (one ROI per label)");
    rtExportCmd->add_option("--labels", rtExport.labels, "Label map (NIfTI/NRRD/MHA/.seg.nrrd) on the series' grid or an equivalent one")->required();
    rtExportCmd->add_option("--source", rtExport.source, "The source DICOM series (folder)")->required();
    rtExportCmd->add_option("--out", rtExport.out, "RTSTRUCT file to write")->required();
    rtExportCmd->add_option("--label-table", rtExport.labelTable, "ROI names and colours: a label sidecar JSON or annotations.json");
    SegImportArgs rtImport;
    auto* rtImportCmd = rtCmd->add_subcommand("import", "Rasterise an RTSTRUCT's contours onto its series (holes as XOR) as a label map");
    rtImportCmd->add_option("rtstruct", rtImport.seg, "The RTSTRUCT file")->required();
    rtImportCmd->add_option("--source", rtImport.source, "The referenced DICOM series (folder)")->required();
    rtImportCmd->add_option("--out", rtImport.out, "Label map to write (.nii.gz, .nrrd, .mha with sidecars, or .seg.nrrd)")->required();

    auto* datasetCmd = app.add_subcommand("dataset", "Training sets to and from nnU-Net v2 raw datasets and MONAI datalists");
    datasetCmd->require_subcommand(1);
    DatasetExportArgs dsExport;
    auto* dsExportCmd = datasetCmd->add_subcommand("export", "Write a training set, or series + label maps, as an nnU-Net v2 dataset or a MONAI datalist");
    dsExportCmd->add_option("--format", dsExport.format, "nnunet (DatasetNNN_NAME/ in --out) or monai (--out is the new folder)")
        ->check(CLI::IsMember({"nnunet", "monai"}));
    dsExportCmd->add_option("--out", dsExport.out, "Folder to write into")->required();
    dsExportCmd->add_option("--training-set", dsExport.trainingSet, "A training set folder (datalist.json), a datalist or an nnU-Net dataset");
    dsExportCmd->add_option("--case", dsExport.cases, "IMAGE LABELS: a series folder or image file and its label map (repeatable)")
        ->type_size(2)->allow_extra_args(false);
    dsExportCmd->add_option("--validation-case", dsExport.validationCases, "IMAGE LABELS of a validation case (repeatable)")
        ->type_size(2)->allow_extra_args(false);
    dsExportCmd->add_option("--name", dsExport.name, "Dataset name (nnU-Net: DatasetNNN_NAME)");
    dsExportCmd->add_option("--id", dsExport.id, "nnU-Net dataset number (default 501)")->check(CLI::Range(1, 999));
    dsExportCmd->add_option("--description", dsExport.description, "One line for dataset.json");
    dsExportCmd->add_option("--channel", dsExport.channelNames, "Channel names in order (default: the modality)");
    dsExportCmd->add_flag("--anonymize", dsExport.anonymized, "Cases named case_001…, no origins: nothing in the dataset names a patient or a source folder");
    dsExportCmd->add_option("--label-table", dsExport.labelTable, "Label names and colours: a label sidecar JSON or an ITK-SNAP/mricron text file");
    DatasetImportArgs dsImport;
    auto* dsImportCmd = datasetCmd->add_subcommand("import", "Add an nnU-Net v2 dataset's or a MONAI datalist's cases to a training set");
    dsImportCmd->add_option("source", dsImport.source, "nnU-Net dataset folder, datalist JSON, or a folder with one")->required();
    dsImportCmd->add_option("--into", dsImport.into, "Training set folder (created if new; e.g. ~/.local/share/Lumen/training/MODEL)")->required();

    auto* srCmd = app.add_subcommand("sr", "DICOM SR measurement reports (TID 1500): findings, measurements, classifications");
    srCmd->require_subcommand(1);
    SrExportArgs srExport;
    auto* srExportCmd = srCmd->add_subcommand("export", "Write annotations.json as a TID 1500 report referencing its source series");
    srExportCmd->add_option("--annotations", srExport.annotations, "A workspace's annotations.json")->required();
    srExportCmd->add_option("--source", srExport.source, "The source DICOM series (folder)")->required();
    srExportCmd->add_option("--out", srExport.out, "SR file to write")->required();
    SrImportArgs srImport;
    auto* srImportCmd = srCmd->add_subcommand("import", "Read a TID 1500 report into annotations.json");
    srImportCmd->add_option("sr", srImport.sr, "The SR file")->required();
    srImportCmd->add_option("--out", srImport.out, "annotations.json to write")->required();

    AnonymizeArgs anonymize;
    auto* anonymizeCmd = app.add_subcommand("anonymize", "De-identify DICOM files by PS3.15 Annex E (Basic Profile and options) into a new folder");
    anonymizeCmd->add_option("inputs", anonymize.inputs, "DICOM files or folders, then the output folder (named <study>/<series>/<instance>.dcm by new UIDs)")->required()->expected(2, -1);
    anonymizeCmd->add_option("--profile", anonymize.profile, "basic, plus any of modified-dates, clean-descriptors, retain-device (comma-separated)");
    anonymizeCmd->add_option("--patient-id", anonymize.patientId, "The new Patient ID (and Name); default: ANON- and 8 random hex digits per patient");
    anonymizeCmd->add_option("--map", anonymize.map, "Identity map (JSON, mode 0600) to reuse and extend: old to new UIDs, patient IDs, date shifts; keep it apart from the output");
    anonymizeCmd->add_flag("--allow-burned-in", anonymize.allowBurnedIn, "De-identify images flagged (or likely) to carry burned-in text too: you have checked their pixels");

    auto* pacsCmd = app.add_subcommand("pacs", "Talk to a PACS over DIMSE or DICOMweb: echo, query, retrieve, send (JSON on stdout)");
    pacsCmd->require_subcommand(1);
    PacsArgs pacs;
    const auto peerOptions = [&pacs](CLI::App* cmd) {
        auto* dimse = cmd->add_option("--dimse", pacs.dimse, "The PACS as AET@HOST:PORT");
        auto* web = cmd->add_option("--dicomweb", pacs.dicomweb, "The PACS's DICOMweb base URL (…/dicom-web)");
        auto* server = cmd->add_option("--server", pacs.server, "A server configured in Lumen (Preferences → PACS), by name");
        dimse->excludes(server)->excludes(web);
        web->excludes(server);
        auto* user = cmd->add_option("--user", pacs.user, "DICOMweb: HTTP basic authentication as this user");
        cmd->add_option("--password-file", pacs.passwordFile, "DICOMweb: the password, from this file's first line")->needs(user);
        cmd->add_option("--token-file", pacs.tokenFile, "DICOMweb: a bearer token, from this file's first line")->excludes(user);
        cmd->add_option("--ca", pacs.ca, "DICOM TLS or https: the CA certificate (PEM) to trust");
        cmd->add_flag("--tls", pacs.tls, "DIMSE over DICOM TLS (BCP 195 profile; needs --ca)");
        cmd->add_option("--cert", pacs.cert, "DICOM TLS: Lumen's certificate (PEM), for a PACS that asks for one and to receive a C-MOVE");
        cmd->add_option("--key", pacs.key, "DICOM TLS: the private key (PEM) of --cert");
        cmd->add_option("--servers", pacs.serversFile, "The server file (default: the GUI's: $LUMEN_PACS_SERVERS, ~/.config/Lumen/pacs-servers.json, else the site's /etc/lumen/pacs-servers.json)");
        cmd->add_option("--aet", pacs.aet, "Lumen's own AE title (default LUMEN)");
        cmd->add_option("--timeout", pacs.timeout, "Seconds to wait for the connection and each answer")->check(CLI::Range(1, 600));
    };
    auto* echoCmd = pacsCmd->add_subcommand("echo", "C-ECHO: is the PACS there, and does it accept Lumen?");
    peerOptions(echoCmd);
    auto* findCmd = pacsCmd->add_subcommand("find", "C-FIND or QIDO-RS at study, series or instance level");
    peerOptions(findCmd);
    findCmd->add_option("--level", pacs.level, "study, series or instance");
    findCmd->add_option("--patient-id", pacs.patientId, "Patient ID");
    findCmd->add_option("--patient-name", pacs.patientName, "Patient name (wildcards * and ?)");
    findCmd->add_option("--accession", pacs.accession, "Accession number");
    findCmd->add_option("--study-date", pacs.studyDate, "YYYYMMDD or YYYYMMDD-YYYYMMDD (either end may be left open)");
    findCmd->add_option("--modality", pacs.modality, "Modality (in the study, or of the series)");
    findCmd->add_option("--description", pacs.description, "Study description (wildcards)");
    findCmd->add_option("--study", pacs.study, "StudyInstanceUID (required at series and instance level)");
    findCmd->add_option("--series", pacs.series, "SeriesInstanceUID (required at instance level)");
    findCmd->add_flag("--json", pacs.json, "Compact JSON on one line");
    auto* getCmd = pacsCmd->add_subcommand("get", "Retrieve a study or one series as files (C-GET, C-MOVE or WADO-RS)");
    peerOptions(getCmd);
    getCmd->add_option("--study", pacs.study, "StudyInstanceUID")->required();
    getCmd->add_option("--series", pacs.series, "SeriesInstanceUID (default: the whole study)");
    getCmd->add_option("--method", pacs.method, "cget (default; a --server's own method), cmove (to Lumen's own receiver) or wado (WADO-RS, with --dicomweb)");
    getCmd->add_option("--listen", pacs.listen, "cmove: the port Lumen receives on, as the PACS knows it (default 11112, or the --server's)")->check(CLI::Range(1, 65535));
    getCmd->add_option("--out", pacs.out, "Folder to write the instances into")->required();
    getCmd->add_flag("--timing", pacs.timing, "Print instances, bytes, first_instance_ms, total_ms, mb_per_s");

    auto* sendCmd = pacsCmd->add_subcommand("send", "C-STORE or STOW-RS files or folders (SEG, SR, images) to the PACS");
    peerOptions(sendCmd);
    sendCmd->add_option("files", pacs.files, "DICOM files or folders")->required();
    auto* anonymizedFlag = sendCmd->add_flag("--anonymize", pacs.anonymized, "Send de-identified copies (PS3.15 Annex E, as lumen-cli anonymize) instead of the files");
    sendCmd->add_option("--profile", pacs.anonymize.profile, "With --anonymize: basic, plus any of modified-dates, clean-descriptors, retain-device")->needs(anonymizedFlag);
    sendCmd->add_option("--patient-id", pacs.anonymize.patientId, "With --anonymize: the new Patient ID (and Name)")->needs(anonymizedFlag);
    sendCmd->add_option("--map", pacs.anonymize.map, "With --anonymize: the identity map to reuse and extend (keep it at this site)")->needs(anonymizedFlag);
    sendCmd->add_flag("--allow-burned-in", pacs.anonymize.allowBurnedIn, "With --anonymize: images with burned-in text too (their pixels checked)")->needs(anonymizedFlag);

    CLI11_PARSE(app, argc, argv);
    renderArgs.hasLevel = levelOpt->count() > 0;
    try {
        if (*infoCmd) return runInfo(info);
        if (*convertCmd) return runConvert(convert);
        if (*loadCmd) return runLoad(load);
        if (*demoCmd) return runDemoData(demo);
        if (*synthCmd) return runSynthCt(synth);
        if (*renderCmd) return runRender(renderArgs);
        if (*segExportCmd) return runSegExport(segExport);
        if (*rtExportCmd) return runRtStructExport(rtExport);
        if (*rtImportCmd) return runRtStructImport(rtImport);
        if (*dsExportCmd) return runDatasetExport(dsExport);
        if (*dsImportCmd) return runDatasetImport(dsImport);
        if (*segImportCmd) return runSegImport(segImport);
        if (*anonymizeCmd) {
            anonymize.out = anonymize.inputs.back();
            anonymize.inputs.pop_back();
            return runAnonymize(anonymize);
        }
        if (*srExportCmd) return runSrExport(srExport);
        if (*srImportCmd) return runSrImport(srImport);
        if (*echoCmd) return runPacsEcho(pacs);
        if (*findCmd) return runPacsFind(pacs);
        if (*getCmd) return runPacsGet(pacs);
        if (*sendCmd) return runPacsSend(pacs);
    } catch (const lumen::core::OperationCanceled&) {
        std::cerr << "lumen-cli: canceled\n";
        return 130;
    } catch (const std::exception& e) {  // IoError included: it names the file
        return fail(e.what());
    }
    return 2;
}
