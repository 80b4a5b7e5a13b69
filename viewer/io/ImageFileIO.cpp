// ImageFileReader and ImageFileWriter share ITK's ImageIOBase plumbing, so they live in one
// translation unit (ITK's headers are the slow part of compiling either).
#include "io/ImageFileReader.h"
#include "io/ImageFileWriter.h"

#include "io/AtomicFile.h"
#include "io/IoError.h"
#include "io/SystemMemory.h"
#include "io/internal/PayloadCheck.h"

#include <itkImageIOBase.h>
#include <itkImageIOFactory.h>
#include <itkMetaImageIOFactory.h>
#include <itkNiftiImageIOFactory.h>
#include <itkNrrdImageIOFactory.h>

#include <itkMetaDataObject.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <sstream>
#include <vector>

namespace lumen::io {

using core::PixelType;
using IOComponent = itk::IOComponentEnum;

namespace {

// ImageIOBase reads and writes only its IO region: make it the whole image.
void useWholeImage(itk::ImageIOBase& io) {
    const unsigned nd = io.GetNumberOfDimensions();
    itk::ImageIORegion region(nd);
    for (unsigned a = 0; a < nd; ++a) {
        region.SetIndex(a, 0);
        region.SetSize(a, io.GetDimensions(a));
    }
    io.SetIORegion(region);
}

itk::ImageIOBase::Pointer createIO(const std::string& path, itk::ImageIOFactory::IOFileModeEnum mode) {
    // Only the formats Lumen supports, registered once (instead of ITK's generated use-file).
    static const bool registered = [] {
        itk::NiftiImageIOFactory::RegisterOneFactory();
        itk::NrrdImageIOFactory::RegisterOneFactory();
        itk::MetaImageIOFactory::RegisterOneFactory();
        return true;
    }();
    (void)registered;
    return itk::ImageIOFactory::CreateImageIO(path.c_str(), mode);
}

bool endsWith(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// ITK's messages span lines and name C++ objects; the user needs the reason, on one line.
std::string itkReason(const itk::ExceptionObject& e) {
    std::string text = e.GetDescription(), out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    }
    const auto itkPrefix = out.find("ITK ERROR: ");
    if (itkPrefix != std::string::npos) {
        const auto colon = out.find("): ", itkPrefix);
        if (colon != std::string::npos) out = out.substr(colon + 3);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string metaString(const itk::ImageIOBase& io, const char* key) {
    std::string value;
    itk::ExposeMetaData<std::string>(io.GetMetaDataDictionary(), key, value);
    return value;
}

// NIfTI: nibabel, FSL, SPM and dcm2niix place voxels by the sform whenever its code is set;
// ITK 5.2 prefers the qform. Files whose two transforms disagree must land where the rest of
// the ecosystem puts them, so take an orthogonal sform over ITK's answer. RAS → LPS here.
void applySform(const itk::ImageIOBase& io, core::Vector3& spacing, core::Vector3& origin, core::Matrix3& direction) {
    if (std::atoi(metaString(io, "sform_code").c_str()) <= 0) return;
    double m[3][4];
    const char* rows[3] = {"srow_x", "srow_y", "srow_z"};
    for (int r = 0; r < 3; ++r) {
        std::istringstream in(metaString(io, rows[r]));
        for (double& v : m[r])
            if (!(in >> v)) return;
    }
    core::Vector3 axes[3], lengths;
    for (int a = 0; a < 3; ++a) {
        axes[a] = {-m[0][a], -m[1][a], m[2][a]};
        lengths[a] = axes[a].norm();
        if (!(lengths[a] > 0)) return;
        axes[a] = axes[a] / lengths[a];
    }
    const core::Matrix3 d = core::Matrix3::fromColumns(axes[0], axes[1], axes[2]);
    if (!d.isOrthonormal(1e-4)) return;  // sheared sform: keep ITK's (qform) placement
    spacing = lengths;
    origin = {-m[0][3], -m[1][3], m[2][3]};
    direction = d;
}

bool hasKnownExtension(const std::string& path) {
    for (const char* ext : {".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd"}) {
        const std::size_t n = std::strlen(ext);
        if (path.size() > n && path.compare(path.size() - n, n, ext) == 0) return true;
    }
    return false;
}

PixelType lumenType(IOComponent c, unsigned components, const std::string& path) {
    if (components == 3 && c == IOComponent::UCHAR) return PixelType::Rgb24;
    if (components != 1) throw IoError(path, std::to_string(components) + "-component voxels are not supported");
    switch (c) {
        case IOComponent::CHAR: return PixelType::Int8;
        case IOComponent::UCHAR: return PixelType::UInt8;
        case IOComponent::SHORT: return PixelType::Int16;
        case IOComponent::USHORT: return PixelType::UInt16;
        case IOComponent::INT: return PixelType::Int32;
        case IOComponent::UINT: return PixelType::UInt32;
        case IOComponent::FLOAT:
        case IOComponent::DOUBLE: return PixelType::Float32;  // doubles narrowed on read
        default: throw IoError(path, "voxel type " + itk::ImageIOBase::GetComponentTypeAsString(c) + " is not supported");
    }
}

IOComponent itkComponent(PixelType t) {
    switch (t) {
        case PixelType::Int8: return IOComponent::CHAR;
        case PixelType::UInt8:
        case PixelType::Rgb24: return IOComponent::UCHAR;
        case PixelType::Int16: return IOComponent::SHORT;
        case PixelType::UInt16: return IOComponent::USHORT;
        case PixelType::Int32: return IOComponent::INT;
        case PixelType::UInt32: return IOComponent::UINT;
        case PixelType::Float32: return IOComponent::FLOAT;
    }
    return IOComponent::UCHAR;
}

}  // namespace

bool ImageFileReader::hasImageExtension(const std::string& path) { return hasKnownExtension(path); }

bool ImageFileReader::canRead(const std::string& path) {
    return hasKnownExtension(path) && createIO(path, itk::ImageIOFactory::IOFileModeEnum::ReadMode);
}

core::Volume ImageFileReader::read(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IoError(path, "no such file");
    try {
        auto io = createIO(path, itk::ImageIOFactory::IOFileModeEnum::ReadMode);
        if (!io) throw IoError(path, "not a NIfTI, NRRD or MetaImage file");
        if (std::string(io->GetNameOfClass()) == "MetaImageIO") internal::checkMetaImageHeader(path);
        if (std::string(io->GetNameOfClass()) == "NiftiImageIO") internal::checkNiftiHeader(path);
        io->SetFileName(path);
        io->ReadImageInformation();
        const unsigned nd = io->GetNumberOfDimensions();
        if (nd < 2 || nd > 4) throw IoError(path, std::to_string(nd) + "-dimensional images are not supported");
        core::ImageGeometry::Dims dims{1, 1, 1};
        core::Vector3 spacing{1, 1, 1}, origin{};
        core::Matrix3 direction;
        for (unsigned a = 0; a < std::min(nd, 3u); ++a) {
            dims[a] = io->GetDimensions(a);
            spacing[int(a)] = io->GetSpacing(a);
            origin[int(a)] = io->GetOrigin(a);
            const auto column = io->GetDirection(a);
            for (unsigned r = 0; r < 3; ++r) direction(int(r), int(a)) = r < column.size() ? column[r] : (r == a);
        }
        if (nd == 2) direction.setColumn(2, direction.column(0).cross(direction.column(1)));
        const bool nifti = std::string(io->GetNameOfClass()) == "NiftiImageIO";
        if (nifti && nd >= 3) applySform(*io, spacing, origin, direction);
        const std::size_t timePoints = nd == 4 ? io->GetDimensions(3) : 1;
        const IOComponent component = io->GetComponentType();
        const PixelType type = lumenType(component, io->GetNumberOfComponents(), path);
        const std::uint64_t voxels = std::uint64_t(dims[0]) * dims[1] * dims[2] * timePoints;
        requireMemory(voxels * io->GetComponentSize() * io->GetNumberOfComponents(),
                      "this image", path);
        core::ImageGeometry geometry;
        try {
            geometry = core::ImageGeometry(dims, spacing, origin, direction);
        } catch (const std::invalid_argument& e) {
            throw IoError(path, e.what());
        }
        // The payload check runs on another core while ITK decodes.
        const std::uint64_t payload = voxels * io->GetComponentSize() * io->GetNumberOfComponents();
        std::future<void> payloadCheck;
        if (nifti) {
            const double voxOffset = std::atof(metaString(*io, "vox_offset").c_str());
            if (!(voxOffset >= 0 && voxOffset < 9.0e15)) throw IoError(path, "its vox_offset is not a position in the file");
            const std::uint64_t offset = std::uint64_t(voxOffset);
            if (endsWith(path, ".gz"))
                payloadCheck = std::async(std::launch::async, [=] { internal::checkCompressedPayload(path, 0, offset + payload); });
            else
                internal::checkRawPayload(path, offset, payload);
        } else if (std::string(io->GetNameOfClass()) == "MetaImageIO") {
            std::uint64_t offset = 0, compressedSize = 0;
            bool compressed = false;
            if (internal::metaImageLayout(path, offset, compressed, compressedSize)) {
                // Catch a short file before MetaIO reads it (it complains on stdout, then pads), and
                // a corrupt compressed stream: MetaIO's inflate loop never ends on one (fuzzing).
                if (compressed) {
                    internal::checkRawPayload(path, offset, compressedSize);
                    internal::checkCompressedPayload(path, offset, payload, compressedSize);
                } else {
                    internal::checkRawPayload(path, offset, payload);
                }
            }
        }
        core::Volume volume = core::Volume::allocate(type, geometry, timePoints);
        useWholeImage(*io);
        if (component == IOComponent::DOUBLE) {
            std::vector<double> buffer(voxels);
            io->Read(buffer.data());
            float* dst = volume.as<float>();
            for (std::size_t i = 0; i < voxels; ++i) dst[i] = float(buffer[i]);
        } else {
            io->Read(volume.data());
        }
        if (payloadCheck.valid()) payloadCheck.get();
        return volume;
    } catch (const itk::ExceptionObject& e) {
        throw IoError(path, itkReason(e));
    } catch (const std::invalid_argument& e) {  // the header's sizes make no volume (fuzzing: a size of 0 reached the allocation)
        throw IoError(path, std::string("its header describes no image: ") + e.what());
    }
}

bool ImageFileWriter::canWrite(const std::string& path) {
    return hasKnownExtension(path) && createIO(path, itk::ImageIOFactory::IOFileModeEnum::WriteMode);
}

void ImageFileWriter::write(const core::Volume& volume, const std::string& path, bool compress, int level) {
    if (volume.empty()) throw IoError(path, "nothing to write: the volume is empty");
    if (!hasKnownExtension(path)) throw IoError(path, "unknown extension: use .nii, .nii.gz, .nrrd or .mha");
    const std::string temporary = temporarySibling(path);
    try {
        auto io = createIO(temporary, itk::ImageIOFactory::IOFileModeEnum::WriteMode);
        if (!io) throw IoError(path, "no writer for this extension");
        const unsigned nd = volume.timePoints() > 1 ? 4 : 3;
        io->SetNumberOfDimensions(nd);
        const auto& g = volume.geometry();
        for (unsigned a = 0; a < 3; ++a) {
            io->SetDimensions(a, g.dims()[a]);
            io->SetSpacing(a, g.spacing()[int(a)]);
            io->SetOrigin(a, g.origin()[int(a)]);
            const core::Vector3 c = g.axis(int(a));
            io->SetDirection(a, std::vector<double>{c.x, c.y, c.z, 0.0});
        }
        if (nd == 4) {
            io->SetDimensions(3, volume.timePoints());
            io->SetSpacing(3, 1.0);
            io->SetOrigin(3, 0.0);
            for (unsigned a = 0; a < 4; ++a) {
                std::vector<double> column(4, 0.0);
                column[a] = 1.0;
                if (a < 3) for (unsigned r = 0; r < 3; ++r) column[r] = g.direction()(int(r), int(a));
                io->SetDirection(a, column);
            }
        } else {
            for (unsigned a = 0; a < 3; ++a) {
                const core::Vector3 c = g.axis(int(a));
                io->SetDirection(a, std::vector<double>{c.x, c.y, c.z});
            }
        }
        io->SetComponentType(itkComponent(volume.pixelType()));
        const bool rgb = volume.pixelType() == PixelType::Rgb24;
        io->SetNumberOfComponents(rgb ? 3 : 1);
        io->SetPixelType(rgb ? itk::IOPixelEnum::RGB : itk::IOPixelEnum::SCALAR);
        io->SetUseCompression(compress);
        if (level > 0) io->SetCompressionLevel(level);
        io->SetFileName(temporary);
        useWholeImage(*io);
        io->WriteImageInformation();
        io->Write(volume.data());
    } catch (const itk::ExceptionObject& e) {
        std::error_code ec;
        std::filesystem::remove(temporary, ec);
        throw IoError(path, itkReason(e));
    }
    commitFile(temporary, path);
}

}  // namespace lumen::io
