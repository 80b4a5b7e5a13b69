// lumen-ai worker: the viewer's AI process. Requests arrive as JSON lines on stdin (ai/protocol)
// and are run one at a time; progress, results and errors go to stdout as JSON lines. A reader
// thread keeps listening while a job runs, so "cancel" stops it at its next progress check.
#include "Commands.h"

#include "ai/Device.h"
#include "ai/protocol/WorkerProtocol.h"
#include "core/OperationCanceled.h"

#include <chrono>
#include <condition_variable>
#include <deque>
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
                current_ = job.id;
                progress_ = std::make_unique<core::Progress>(
                    [this, id = job.id](double f, const std::string& stage) { emit(proto::Event::progress(id, f, stage)); });
            }
            execute(job);
            std::lock_guard<std::mutex> lock(mutex_);
            current_.clear();
        }
        reader.join();
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
            if (r.type == proto::Request::Type::Infer) {
                queue_.push_back(r);
            } else if (r.type == proto::Request::Type::Cancel) {
                if (r.id == current_ && progress_) progress_->cancel();
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
    }

    void execute(const proto::Request& job) {
        InferArgs args;
        args.model = job.infer.model, args.input = job.infer.input, args.output = job.infer.output;
        args.device = job.infer.device, args.threads = int(job.infer.threads), args.uncertainty = job.infer.uncertainty;
        const auto start = std::chrono::steady_clock::now();
        try {
            const InferOutcome out = inferToFiles(args, *progress_);
            emit(proto::Event::result(job.id, out.task, out.files,
                                      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count()));
        } catch (const core::OperationCanceled&) {
            emit(proto::Event::canceled(job.id));
        } catch (const std::exception& e) {
            emit(proto::Event::error(job.id, e.what()));
        }
    }

    void emit(const proto::Event& e) {
        std::lock_guard<std::mutex> lock(outputMutex_);
        std::cout << proto::encode(e) << std::endl;  // one line, flushed: the client reads as it comes
    }

    WorkerArgs args_;
    std::mutex mutex_, outputMutex_;
    std::condition_variable wake_;
    std::deque<proto::Request> queue_;
    std::string current_;
    std::unique_ptr<core::Progress> progress_;
    bool stopping_ = false;
};

}  // namespace

int runWorker(const WorkerArgs& args) { return Worker(args).run(); }

}  // namespace lumen::aicli
