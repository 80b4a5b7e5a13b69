#include "ai/protocol/WorkerProtocol.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace lumen::ai::protocol {

using nlohmann::json;

namespace {

constexpr std::array<const char*, 7> kRequestTypes{"infer", "cancel", "shutdown", "finetune", "pause", "resume", "interact"};
constexpr std::array<const char*, 6> kInteractActions{"start", "prompt", "undo", "redo", "new_object", "end"};
constexpr std::array<const char*, 8> kEventTypes{"ready", "progress", "result", "error", "canceled", "training", "paused", "resumed"};

template <std::size_t N>
std::size_t typeIndex(const json& j, const std::array<const char*, N>& names) {
    const std::string type = j.at("type").get<std::string>();
    for (std::size_t i = 0; i < N; ++i)
        if (type == names[i]) return i;
    throw ProtocolError("unknown message type \"" + type + "\"");
}

// A whole-number field within T's range, or `fallback` when absent and not `required` (nlohmann
// would convert 4.4e12, 2.5 or -1 to T, with undefined behaviour out of range).
template <typename T>
T integer(const json& j, const char* key, T fallback, bool required = false) {
    if (!j.contains(key)) {
        if (required) throw ProtocolError(std::string("missing \"") + key + "\"");
        return fallback;
    }
    const json& v = j[key];
    if (v.is_number_unsigned() && v.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max())) return T(v.get<std::uint64_t>());
    if (v.is_number_integer() && v.get<std::int64_t>() >= std::int64_t(std::numeric_limits<T>::min()) &&
        v.get<std::int64_t>() <= std::int64_t(std::numeric_limits<T>::max()))
        return T(v.get<std::int64_t>());
    throw ProtocolError(std::string("\"") + key + "\" must be a whole number in range, not " + v.dump());
}

template <class F>
auto parse(const std::string& line, F build) {
    try {
        const json j = json::parse(line);
        if (!j.is_object()) throw ProtocolError("a message is a JSON object");
        return build(j);
    } catch (const ProtocolError&) {
        throw;
    } catch (const std::exception& e) {
        throw ProtocolError(std::string("malformed message: ") + e.what());
    }
}

}  // namespace

Event Event::ready(std::string device) {
    Event e;
    e.device = std::move(device);
    return e;
}

Event Event::progress(std::string id, double fraction, std::string stage) {
    Event e;
    e.type = Type::Progress, e.id = std::move(id), e.fraction = fraction, e.stage = std::move(stage);
    return e;
}

Event Event::result(std::string id, std::string task, std::vector<std::string> files, double milliseconds) {
    Event e;
    e.type = Type::Result, e.id = std::move(id), e.task = std::move(task), e.files = std::move(files), e.milliseconds = milliseconds;
    return e;
}

Event Event::error(std::string id, std::string message) {
    Event e;
    e.type = Type::Error, e.id = std::move(id), e.message = std::move(message);
    return e;
}

Event Event::canceled(std::string id) {
    Event e;
    e.type = Type::Canceled, e.id = std::move(id);
    return e;
}

Event Event::training(std::string id, int iteration, int iterations, double loss, std::string validation, bool resumed) {
    Event e;
    e.type = Type::Training, e.id = std::move(id), e.iteration = iteration, e.iterations = iterations, e.loss = loss;
    e.detail = std::move(validation), e.resumedFromCheckpoint = resumed;
    return e;
}

Event Event::paused(std::string id, std::string why) {
    Event e;
    e.type = Type::Paused, e.id = std::move(id), e.message = std::move(why);
    return e;
}

Event Event::resumed(std::string id) {
    Event e;
    e.type = Type::Resumed, e.id = std::move(id);
    return e;
}

std::string encode(const Request& r) {
    json j = {{"type", kRequestTypes[std::size_t(r.type)]}};
    if (r.type != Request::Type::Shutdown) j["id"] = r.id;
    if (r.type == Request::Type::Infer)
        j.update({{"model", r.infer.model}, {"input", r.infer.input}, {"output", r.infer.output}, {"device", r.infer.device},
                  {"threads", r.infer.threads}, {"uncertainty", r.infer.uncertainty},
                  {"explain", r.infer.explain}});
    if (r.type == Request::Type::Infer && !r.infer.modality.empty()) j["modality"] = r.infer.modality;
    if (r.type == Request::Type::Infer && !r.infer.bodyPart.empty()) j["body_part"] = r.infer.bodyPart;
    if (r.type == Request::Type::FineTune) {
        const FineTuneRequest& f = r.finetune;
        j.update({{"model", f.model}, {"data", f.data}, {"out", f.out}, {"iterations", f.iterations},
                  {"validate_every", f.validateEvery}, {"checkpoint_every", f.checkpointEvery}, {"learning_rate", f.learningRate},
                  {"seed", f.seed}, {"no_flip", f.noFlip}, {"device", f.device}, {"threads", f.threads}});
    }
    if (r.type == Request::Type::Interact) {
        const InteractRequest& i = r.interact;
        j["action"] = i.action;
        if (!i.model.empty()) j.update({{"model", i.model}, {"input", i.input}, {"device", i.device}, {"threads", i.threads}});
        if (!i.mask.empty()) j["mask"] = i.mask;
        if (!i.output.empty()) j["output"] = i.output;
        if (!i.prompts.empty()) j["prompts"] = json::parse(i.prompts);
    }
    return j.dump();
}

std::string encode(const Event& e) {
    json j = {{"type", kEventTypes[std::size_t(e.type)]}};
    if (e.type != Event::Type::Ready) j["id"] = e.id;
    switch (e.type) {
        case Event::Type::Ready: j["device"] = e.device; break;
        case Event::Type::Progress: j.update({{"fraction", e.fraction}, {"stage", e.stage}}); break;
        case Event::Type::Result:
            j.update({{"task", e.task}, {"files", e.files}, {"ms", e.milliseconds}});
            if (!e.detail.empty()) j["summary"] = json::parse(e.detail);
            break;
        case Event::Type::Error: j["message"] = e.message; break;
        case Event::Type::Training:
            j.update({{"iteration", e.iteration}, {"iterations", e.iterations}, {"loss", e.loss}});
            if (!e.detail.empty()) j["validation"] = json::parse(e.detail);
            if (e.resumedFromCheckpoint) j["resumed"] = true;
            break;
        case Event::Type::Paused: j["why"] = e.message; break;
        case Event::Type::Canceled:
        case Event::Type::Resumed: break;
    }
    return j.dump();
}

Request decodeRequest(const std::string& line) {
    return parse(line, [](const json& j) {
        Request r;
        r.type = Request::Type(typeIndex(j, kRequestTypes));
        if (r.type != Request::Type::Shutdown) r.id = j.at("id").get<std::string>();
        if (r.type == Request::Type::Infer) {
            r.infer.model = j.at("model").get<std::string>();
            r.infer.input = j.at("input").get<std::string>();
            r.infer.output = j.at("output").get<std::string>();
            r.infer.device = j.value("device", "auto");
            r.infer.threads = integer(j, "threads", 0u);
            r.infer.uncertainty = j.value("uncertainty", false);
            r.infer.explain = j.value("explain", false);
            r.infer.modality = j.value("modality", "");
            r.infer.bodyPart = j.value("body_part", "");
        }
        if (r.type == Request::Type::FineTune) {
            FineTuneRequest& f = r.finetune;
            f.model = j.at("model").get<std::string>();
            f.data = j.at("data").get<std::string>();
            f.out = j.at("out").get<std::string>();
            f.iterations = integer(j, "iterations", f.iterations);
            f.validateEvery = integer(j, "validate_every", f.validateEvery);
            f.checkpointEvery = integer(j, "checkpoint_every", f.checkpointEvery);
            f.learningRate = j.value("learning_rate", 0.0);
            f.seed = integer(j, "seed", 1u);
            f.noFlip = j.value("no_flip", false);
            f.device = j.value("device", "auto");
            f.threads = integer(j, "threads", 0u);
            if (f.iterations < 1 || f.validateEvery < 1 || f.checkpointEvery < 1)
                throw ProtocolError("finetune: iterations, validate_every and checkpoint_every must be positive");
        }
        if (r.type == Request::Type::Interact) {
            InteractRequest& i = r.interact;
            i.action = j.at("action").get<std::string>();
            if (std::find(kInteractActions.begin(), kInteractActions.end(), i.action) == kInteractActions.end())
                throw ProtocolError("interact: unknown action \"" + i.action + "\"");
            if (i.action == "start") {
                i.model = j.at("model").get<std::string>();
                i.input = j.at("input").get<std::string>();
                i.output = j.at("output").get<std::string>();
            }
            i.mask = j.value("mask", "");
            if (j.contains("output")) i.output = j.at("output").get<std::string>();
            i.device = j.value("device", "auto");
            i.threads = integer(j, "threads", 0u);
            if (i.action == "prompt") {
                const json& prompts = j.at("prompts");
                if (!prompts.is_object() || !prompts.contains("prompts") || !prompts["prompts"].is_array())
                    throw ProtocolError("interact: \"prompts\" must be {\"prompts\": [...]}");
                i.prompts = prompts.dump();
            }
        }
        return r;
    });
}

Event decodeEvent(const std::string& line) {
    return parse(line, [](const json& j) {
        Event e;
        e.type = Event::Type(typeIndex(j, kEventTypes));
        if (e.type != Event::Type::Ready) e.id = j.at("id").get<std::string>();
        switch (e.type) {
            case Event::Type::Ready: e.device = j.at("device").get<std::string>(); break;
            case Event::Type::Progress:
                e.fraction = j.at("fraction").get<double>();
                e.stage = j.value("stage", "");
                break;
            case Event::Type::Result:
                e.task = j.at("task").get<std::string>();
                e.files = j.at("files").get<std::vector<std::string>>();
                e.milliseconds = j.value("ms", 0.0);
                if (j.contains("summary")) e.detail = j["summary"].dump();
                break;
            case Event::Type::Error: e.message = j.at("message").get<std::string>(); break;
            case Event::Type::Training:
                e.iteration = integer(j, "iteration", 0, true);
                e.iterations = integer(j, "iterations", 0, true);
                e.loss = j.value("loss", 0.0);
                if (j.contains("validation")) e.detail = j["validation"].dump();
                e.resumedFromCheckpoint = j.value("resumed", false);
                break;
            case Event::Type::Paused: e.message = j.value("why", ""); break;
            case Event::Type::Canceled:
            case Event::Type::Resumed: break;
        }
        return e;
    });
}

}  // namespace lumen::ai::protocol
