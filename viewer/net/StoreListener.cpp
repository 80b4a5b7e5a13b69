#include "net/StoreListener.h"

#include "net/PacsError.h"
#include "net/internal/DimseAssociation.h"
#include "net/internal/StorageReceiver.h"

#include <filesystem>

namespace lumen::net {

StoreListener::StoreListener(DimsePeer self, int port, std::string folder, InstanceCallback onInstance) {
    internal::prepareDcmtk();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw PacsError("cannot create " + folder + ": " + ec.message());
    receiver_ = std::make_unique<internal::StorageReceiver>(self, port, folder, std::move(onInstance), false);
}

StoreListener::~StoreListener() = default;

void StoreListener::start() { receiver_->start(); }

void StoreListener::stop() { receiver_->stop(); }

}  // namespace lumen::net
