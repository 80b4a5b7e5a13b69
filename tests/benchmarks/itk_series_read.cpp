// Peer for load_bench.sh: what an ITK application does to load a DICOM series (GDCM finds
// and sorts the files, ImageSeriesReader assembles the volume). Prints one JSON line.
#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageSeriesReader.h>

#include <chrono>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: itk_series_read DICOM_FOLDER\n";
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    try {
        auto names = itk::GDCMSeriesFileNames::New();
        names->SetUseSeriesDetails(true);
        names->SetDirectory(argv[1]);
        const auto uids = names->GetSeriesUIDs();
        if (uids.empty()) throw std::runtime_error("no DICOM series");
        const auto files = names->GetFileNames(uids.front());
        const auto t1 = std::chrono::steady_clock::now();
        using Image = itk::Image<short, 3>;
        auto reader = itk::ImageSeriesReader<Image>::New();
        reader->SetImageIO(itk::GDCMImageIO::New());
        reader->SetFileNames(files);
        reader->Update();
        const auto t2 = std::chrono::steady_clock::now();
        const auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        std::cout << "{\"files\":" << files.size() << ",\"index_ms\":" << ms(t0, t1) << ",\"decode_ms\":" << ms(t1, t2)
                  << ",\"total_ms\":" << ms(t0, t2) << "}\n";
    } catch (const std::exception& e) {
        std::cerr << "itk_series_read: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
