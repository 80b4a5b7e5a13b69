// Training sets from elsewhere: an nnU-Net raw dataset's dataset.json (with a case in imagesTr
// and labelsTr) or a MONAI / Decathlon datalist. The first byte picks which.
#include "FuzzSupport.h"
#include "io/IoError.h"
#include "io/TrainingDataset.h"

using namespace lumen;

LUMEN_FUZZ_TARGET(training_set) {
    if (size == 0) return 0;
    const auto folder = fuzz::freshScratch() / "Dataset501_Fuzz";
    const std::string_view json = fuzz::text(data + 1, size - 1);
    if (data[0] % 2 == 0) {
        fuzz::writeFile("Dataset501_Fuzz/dataset.json", json);
        fuzz::writeFile("Dataset501_Fuzz/imagesTr/case_001_0000.nii.gz", "");
        fuzz::writeFile("Dataset501_Fuzz/labelsTr/case_001.nii.gz", "");
    } else {
        fuzz::writeFile("Dataset501_Fuzz/datalist.json", json);
        fuzz::writeFile("Dataset501_Fuzz/image.nii.gz", "");
    }
    try {
        io::TrainingDataset::read(folder.string());
    } catch (const io::IoError&) {
    }
    return 0;
}
