#include "Commands.h"

#include "io/ImageLoader.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sys/resource.h>

namespace lumen::cli {

int runLoad(const LoadArgs& args) {
    const auto t0 = std::chrono::steady_clock::now();
    const io::LoadedImage image = io::ImageLoader::load({args.path, args.seriesUid, args.stack, args.threads});
    const double totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const auto bytes = image.volume.byteSize();
    if (args.timing) {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        nlohmann::json j = {{"files", image.files},
                            {"bytes", bytes},
                            {"index_ms", image.indexMs},
                            {"decode_ms", image.decodeMs},
                            {"total_ms", totalMs},
                            {"mb_per_s", double(bytes) / 1e6 / (totalMs / 1000.0)},
                            {"peak_rss_mb", double(usage.ru_maxrss) / 1024.0}};
        std::cout << j.dump() << "\n";
    } else {
        const auto& d = image.volume.geometry().dims();
        std::printf("loaded %zu x %zu x %zu x %zu %s (%.1f MB) from %zu file(s) in %.0f ms\n", d[0], d[1], d[2],
                    image.volume.timePoints(), core::pixelTypeName(image.volume.pixelType()).c_str(), double(bytes) / 1e6,
                    image.files, totalMs);
        for (const auto& w : image.warnings) std::printf("warning: %s\n", w.c_str());
    }
    return 0;
}

}  // namespace lumen::cli
