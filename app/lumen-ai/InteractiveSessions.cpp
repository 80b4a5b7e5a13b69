#include "InteractiveSessions.h"
#include "Commands.h"
#include "Datalist.h"

#include "ai/InteractiveSegmenter.h"
#include "ai/ModelError.h"
#include "ai/ModelPackage.h"
#include "ai/TorchNetwork.h"
#include "io/ImageFileWriter.h"
#include "io/LabelMapReader.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

namespace lumen::aicli {

namespace proto = ai::protocol;
using nlohmann::json;

struct InteractiveSessions::Session {
    ai::ModelPackage package;
    ai::TorchNetwork network;
    std::unique_ptr<ai::InteractiveSegmenter> segmenter;
    std::string output;
    int step = 0;
    std::vector<std::string> written;  // the masks still on disk, oldest first
};

InteractiveSessions::InteractiveSessions() = default;
InteractiveSessions::~InteractiveSessions() {
    for (const auto& [id, s] : sessions_)
        for (const auto& f : s->written) std::filesystem::remove(f);
}

namespace {

std::vector<std::uint8_t> readMask(const std::string& path, const core::ImageGeometry& grid) {
    const core::LabelMap labels = io::LabelMapReader::read(path, grid);
    std::vector<std::uint8_t> mask(grid.voxelCount());
    for (std::size_t v = 0; v < mask.size(); ++v) mask[v] = labels.at(v) != 0;
    return mask;
}

}  // namespace

bool InteractiveSessions::mergePrompts(proto::Request& into, const proto::Request& next) {
    if (into.type != proto::Request::Type::Interact || next.type != proto::Request::Type::Interact || into.id != next.id ||
        into.interact.action != "prompt" || next.interact.action != "prompt")
        return false;
    json merged = json::parse(into.interact.prompts);
    const json added = json::parse(next.interact.prompts);  // kept alive: the loop reads into it
    for (const json& p : added.at("prompts")) merged["prompts"].push_back(p);
    into.interact.prompts = merged.dump();
    return true;
}

proto::Event InteractiveSessions::handle(const proto::Request& r) {
    const auto start = std::chrono::steady_clock::now();
    const proto::InteractRequest& q = r.interact;
    json summary;
    try {
        if (q.action == "start") {
            const ai::ModelPackage package = ai::ModelPackage::open(openRegistry().resolve(q.model));
            auto session = std::unique_ptr<Session>(
                new Session{package, ai::TorchNetwork::load(package.networkFile(), ai::selectDevice(q.device, int(q.threads))), {}, q.output, 0, {}});
            const io::LoadedImage image = loadModelInput(q.input);
            session->segmenter = std::make_unique<ai::InteractiveSegmenter>(session->package.manifest(), session->network, image.volume);
            if (!q.mask.empty()) session->segmenter->startObject(readMask(q.mask, session->segmenter->geometry()));
            sessions_[r.id] = std::move(session);
        } else if (!sessions_.count(r.id)) {
            throw ai::ModelError("no interactive session " + r.id + " (start one first)");
        }
        Session& s = *sessions_.at(r.id);
        ai::InteractiveSegmenter& seg = *s.segmenter;
        if (q.action == "prompt") {
            const auto step = seg.add(ai::promptsFromJson(json::parse(q.prompts)));
            summary["runs"] = step.runs;
            summary["network_ms"] = std::round(step.ms);
        } else if (q.action == "undo") {
            seg.undo();
        } else if (q.action == "redo") {
            seg.redo();
        } else if (q.action == "new_object") {
            seg.startObject(q.mask.empty() ? std::vector<std::uint8_t>{} : readMask(q.mask, seg.geometry()));
        } else if (q.action == "end") {
            for (const auto& f : s.written) std::filesystem::remove(f);
            sessions_.erase(r.id);
            return proto::Event::result(r.id, "interactive", {}, 0);
        }
        if (!q.output.empty()) s.output = q.output;
        const std::string file = s.output + "." + std::to_string(++s.step) + ".nii";
        core::LabelMap labels(seg.geometry());
        std::copy(seg.mask().begin(), seg.mask().end(), labels.voxelData<std::uint8_t>());
        io::ImageFileWriter::write(labels.voxels(), file);
        s.written.push_back(file);
        while (s.written.size() > 3) {  // the client reads the newest; older ones go
            std::filesystem::remove(s.written.front());
            s.written.erase(s.written.begin());
        }
        summary.update({{"step", s.step}, {"prompts", seg.promptCount()}, {"can_undo", seg.canUndo()}, {"can_redo", seg.canRedo()}});
        proto::Event done = proto::Event::result(
            r.id, "interactive", {file}, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        done.detail = summary.dump();
        return done;
    } catch (const std::exception& e) {
        return proto::Event::error(r.id, e.what());
    }
}

}  // namespace lumen::aicli
