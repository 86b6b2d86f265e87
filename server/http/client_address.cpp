#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/text.hpp"

namespace app::http {
namespace {

// The canonical text of an IP address (IPv4-mapped IPv6 as IPv4), or nullopt.
std::optional<std::string> Normalise(std::string_view text) {
    boost::system::error_code error;
    auto address = boost::asio::ip::make_address(std::string(text), error);
    if (error) return std::nullopt;
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
    return address.to_string();
}

}  // namespace

TrustedProxies::TrustedProxies(std::string_view comma_separated) {
    std::size_t start = 0;
    while (start <= comma_separated.size()) {
        const std::size_t comma = std::min(comma_separated.find(',', start), comma_separated.size());
        const std::string entry = text::Trim(comma_separated.substr(start, comma - start));
        if (!entry.empty()) {
            const auto address = Normalise(entry);
            if (!address) throw std::invalid_argument("'" + entry + "' is not an IP address");
            addresses_.push_back(*address);
        }
        start = comma + 1;
    }
}

bool TrustedProxies::IsTrusted(const std::string& normalised) const {
    return std::find(addresses_.begin(), addresses_.end(), normalised) != addresses_.end();
}

std::string TrustedProxies::ClientAddress(const std::string& peer, std::string_view forwarded_for) const {
    std::string client = Normalise(peer).value_or(peer);
    if (!IsTrusted(client)) return client;
    // Walk X-Forwarded-For from the right, past every trusted proxy.
    std::size_t end = forwarded_for.size();
    while (end > 0) {
        const std::size_t comma = forwarded_for.rfind(',', end - 1);
        const std::size_t start = comma == std::string_view::npos ? 0 : comma + 1;
        const auto address = Normalise(text::Trim(forwarded_for.substr(start, end - start)));
        if (!address) break;
        client = *address;
        if (!IsTrusted(client)) break;
        if (comma == std::string_view::npos) break;
        end = comma;
    }
    return client;
}

}  // namespace app::http
