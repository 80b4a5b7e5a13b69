#include "io/internal/ContourTracer.h"

#include <itkContourExtractor2DImageFilter.h>
#include <itkImage.h>

namespace lumen::io::internal {

std::vector<Polygon> traceOutlines(const std::vector<std::uint8_t>& mask, std::size_t width, std::size_t height) {
    // One pixel of background around the slice, so that every outline closes.
    using Image = itk::Image<float, 2>;
    auto image = Image::New();
    Image::RegionType region;
    region.SetSize({{width + 2, height + 2}});
    image->SetRegions(region);
    image->Allocate(true);
    float* pixels = image->GetBufferPointer();
    for (std::size_t j = 0; j < height; ++j)
        for (std::size_t i = 0; i < width; ++i)
            pixels[(j + 1) * (width + 2) + i + 1] = mask[j * width + i] ? 1.0f : 0.0f;
    auto filter = itk::ContourExtractor2DImageFilter<Image>::New();
    filter->SetInput(image);
    filter->SetContourValue(0.5);
    filter->VertexConnectHighPixelsOn();
    filter->Update();
    std::vector<Polygon> outlines;
    for (unsigned n = 0; n < filter->GetNumberOfIndexedOutputs(); ++n) {
        const auto* vertices = filter->GetOutput(n)->GetVertexList();
        Polygon p;
        for (unsigned v = 0; v < vertices->Size(); ++v) {
            const auto& x = vertices->ElementAt(v);
            p.push_back({x[0] - 1.0, x[1] - 1.0});
        }
        if (p.size() > 1 && p.front() == p.back()) p.pop_back();  // closed: the first vertex is not repeated
        if (p.size() >= 3) outlines.push_back(std::move(p));
    }
    return outlines;
}

}  // namespace lumen::io::internal
