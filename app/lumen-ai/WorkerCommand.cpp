// lumen-ai worker: the viewer's AI process. Requests arrive as JSON lines on stdin (ai/protocol);
// progress, results and errors go to stdout as JSON lines. Inference jobs and interactive
// segmentation requests run one at a time on the main thread; one fine-tune at a time runs on a thread of its own and waits at its next
// iteration while an inference is queued or running (the user is waiting for that one) or the
// user paused it. A reader thread keeps listening while jobs run, so "cancel" stops a job at its
// next progress check.
#include "Commands.h"
#include "InteractiveSessions.h"

#include "ai/Device.h"
#include "ai/Trainer.h"
#include "ai/protocol/WorkerProtocol.h"
#include "core/OperationCanceled.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

namespace lumen::aicli {

namespace proto = ai::protocol;

namespace {

class Worker {
public:
    explicit Worker(const WorkerArgs& args) : args_(args) {}

    int run() {
        emit(proto::Event::ready(ai::selectDevice(args_.device, args_.threads).describe()));
        std::thread reader([this] { read(); });
        for (;;) {
            proto::Request job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) break;
                job = queue_.front();
                queue_.pop_front();
                // Clicks that arrived while the last one ran: one run for all of them.
                while (!queue_.empty() && InteractiveSessions::mergePrompts(job, queue_.front())) queue_.pop_front();
                current_ = job.id;
                progress_ = std::make_unique<core::Progress>(
                    [this, id = job.id](double f, const std::string& stage) { emit(proto::Event::progress(id, f, stage)); });
            }
            execute(job);
            std::lock_guard<std::mutex> lock(mutex_);
            current_.clear();
            gateWake_.notify_all();
        }
        reader.join();
        {
            std::lock_guard<std::mutex> lock(mutex_);  // a fine-tune stops at a checkpoint: the same request resumes it
            if (trainProgress_) trainProgress_->cancel();
            gateWake_.notify_all();
        }
        if (trainThread_.joinable()) trainThread_.join();
        return 0;
    }

private:
    void read() {
        for (std::string line; std::getline(std::cin, line);) {
            if (line.empty()) continue;
            proto::Request r;
            try {
                r = proto::decodeRequest(line);
            } catch (const proto::ProtocolError& e) {
                emit(proto::Event::error("", e.what()));
                continue;
            }
            std::lock_guard<std::mutex> lock(mutex_);
            if (r.type == proto::Request::Type::Infer || r.type == proto::Request::Type::Interact) {
                queue_.push_back(r);
            } else if (r.type == proto::Request::Type::FineTune) {
                startTraining(r);
            } else if (r.type == proto::Request::Type::Pause || r.type == proto::Request::Type::Resume) {
                if (r.id == training_) userPaused_ = r.type == proto::Request::Type::Pause;
                else emit(proto::Event::error(r.id, "no fine-tune " + r.id + " is running"));
                gateWake_.notify_all();
            } else if (r.type == proto::Request::Type::Cancel) {
                if (r.id == current_ && progress_) progress_->cancel();
                if (r.id == training_ && trainProgress_) trainProgress_->cancel(), gateWake_.notify_all();
                for (auto it = queue_.begin(); it != queue_.end(); ++it)
                    if (it->id == r.id) {
                        queue_.erase(it);
                        emit(proto::Event::canceled(r.id));
                        break;
                    }
            } else {
                break;
            }
            wake_.notify_one();
        }
        std::lock_guard<std::mutex> lock(mutex_);  // shutdown or end of input: stop after the job in hand
        stopping_ = true;
        queue_.clear();
        wake_.notify_one();
        gateWake_.notify_all();
    }

    void execute(const proto::Request& job) {
        if (job.type == proto::Request::Type::Interact) return emit(sessions_.handle(job));
        InferArgs args;
        args.model = job.infer.model, args.input = job.infer.input, args.output = job.infer.output;
        args.device = job.infer.device, args.threads = int(job.infer.threads), args.uncertainty = job.infer.uncertainty;
        args.explain = job.infer.explain;
        args.modality = job.infer.modality, args.bodyPart = job.infer.bodyPart;
        const auto start = std::chrono::steady_clock::now();
        try {
            const InferOutcome out = inferToFiles(args, *progress_);
            proto::Event done = proto::Event::result(job.id, out.task, out.files,
                                                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            if (!out.warnings.empty()) done.detail = out.warnings.dump();  // where it did not fit the model's card
            emit(done);
        } catch (const core::OperationCanceled&) {
            emit(proto::Event::canceled(job.id));
        } catch (const std::exception& e) {
            emit(proto::Event::error(job.id, e.what()));
        }
    }

    // Under mutex_.
    void startTraining(const proto::Request& r) {
        if (!training_.empty()) return emit(proto::Event::error(r.id, "a fine-tune (" + training_ + ") is already running"));
        if (trainThread_.joinable()) trainThread_.join();  // the previous one has finished: training_ is clear
        training_ = r.id;
        userPaused_ = false;
        trainProgress_ = std::make_unique<core::Progress>(
            [this, id = r.id](double f, const std::string& stage) { emit(proto::Event::progress(id, f, stage)); });
        trainThread_ = std::thread([this, r] { train(r); });
    }

    void train(const proto::Request& job) {
        const proto::FineTuneRequest& f = job.finetune;
        TrainArgs args;
        args.finetune = true, args.registerVersion = true, args.quiet = true;
        args.model = f.model, args.data = f.data, args.out = f.out;
        args.iterations = f.iterations, args.validateEvery = f.validateEvery, args.checkpointEvery = f.checkpointEvery;
        args.learningRate = f.learningRate, args.seed = f.seed, args.noFlip = f.noFlip;
        args.device = f.device, args.threads = int(f.threads);
        args.commandLine = "lumen-ai worker: " + proto::encode(job);
        const auto start = std::chrono::steady_clock::now();
        proto::Event done;
        try {
            nlohmann::json summary = trainToPackage(args, *trainProgress_, [&](const ai::TrainingEvent& e) {
                emit(proto::Event::training(job.id, e.iteration, f.iterations, e.loss, e.validation ? e.validation->dump() : "", e.resumed));
                gate(job.id);
            });
            std::filesystem::remove_all(f.out);  // registered: the registry holds its own copy
            summary.erase("package");
            done = proto::Event::result(job.id, "finetune", {summary.value("registered", "")},
                                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            done.detail = summary.dump();
        } catch (const core::OperationCanceled&) {
            done = proto::Event::canceled(job.id);
        } catch (const std::exception& e) {
            done = proto::Event::error(job.id, e.what());
        }
        {
            // Free before saying so: a client that answers "canceled" with the same fine-tune
            // (resume) must not be told one is still running.
            std::lock_guard<std::mutex> lock(mutex_);
            training_.clear();
        }
        emit(done);
    }

    // The fine-tune's thread, between iterations: waits while an inference is queued or running,
    // or the user paused it.
    void gate(const std::string& id) {
        std::unique_lock<std::mutex> lock(mutex_);
        auto why = [this]() -> const char* {
            if (trainProgress_->isCanceled() || stopping_) return nullptr;
            return userPaused_ ? "user" : !queue_.empty() || !current_.empty() ? "inference" : nullptr;
        };
        if (!why()) return;
        emit(proto::Event::paused(id, why()));
        gateWake_.wait(lock, [&] { return why() == nullptr; });
        emit(proto::Event::resumed(id));
    }

    void emit(const proto::Event& e) {
        std::lock_guard<std::mutex> lock(outputMutex_);
        std::cout << proto::encode(e) << std::endl;  // one line, flushed: the client reads as it comes
    }

    WorkerArgs args_;
    std::mutex mutex_, outputMutex_;
    std::condition_variable wake_, gateWake_;
    std::deque<proto::Request> queue_;
    std::string current_;
    std::unique_ptr<core::Progress> progress_;
    bool stopping_ = false;
    // The fine-tune: its job id (empty when none runs), thread, progress/cancel and pause.
    std::string training_;
    std::thread trainThread_;
    std::unique_ptr<core::Progress> trainProgress_;
    bool userPaused_ = false;
    InteractiveSessions sessions_;  // main thread only
};

}  // namespace

int runWorker(const WorkerArgs& args) { return Worker(args).run(); }

}  // namespace lumen::aicli
