#include "Commands.h"

#include "core/LabelMap.h"
#include "io/ImageLoader.h"
#include "io/IoError.h"
#include "io/LabelMapReader.h"
#include "render/OffscreenRenderer.h"

#include <cstdio>

namespace lumen::cli {

int runRender(const RenderArgs& args) {
    render::OffscreenRequest request;
    if (args.view == "axial") request.orientation = core::ViewOrientation::Axial;
    else if (args.view == "coronal") request.orientation = core::ViewOrientation::Coronal;
    else if (args.view == "sagittal") request.orientation = core::ViewOrientation::Sagittal;
    else if (args.view != "3d") throw io::IoError("", "--view is axial, coronal, sagittal or 3d");
    if (args.slice >= 0) request.slice = std::size_t(args.slice);
    if (args.window > 0) request.window = args.window;
    if (args.hasLevel) request.level = args.level;
    if (!args.preset.empty()) {
        request.preset = render::volumePresetFromName(args.preset);
        if (!request.preset) throw io::IoError("", "unknown preset '" + args.preset + "' (ct-bone, ct-soft-tissue, ct-lung, mr-default, mip)");
    }
    if (std::sscanf(args.size.c_str(), "%dx%d", &request.width, &request.height) != 2)
        throw io::IoError("", "--size is WIDTHxHEIGHT, e.g. 512x512");
    request.overlay.outline = args.outline;
    request.annotations = !args.noAnnotations;
    request.alignedToGrid = args.aligned;

    io::LoadRequest load;
    load.path = args.input;
    load.seriesUid = args.seriesUid;
    const io::LoadedImage image = io::ImageLoader::load(load);
    // The window the file names, as the viewer opens it.
    if (!request.window && image.windowWidth) request.window = *image.windowWidth;
    if (!request.level && image.windowCenter) request.level = *image.windowCenter;
    std::optional<core::LabelMap> labels;
    std::vector<std::string> warnings;
    if (!args.overlay.empty()) labels = io::LabelMapReader::read(args.overlay, image.volume.geometry(), &warnings);
    for (const auto& w : warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    try {
        render::OffscreenRenderer::renderToPng(image.volume, labels ? &*labels : nullptr, request, args.out);
    } catch (const std::runtime_error& e) {
        throw io::IoError(args.out, e.what());
    }
    return 0;
}

}  // namespace lumen::cli
