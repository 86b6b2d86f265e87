#include "http/client_address.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace app::http {

TEST(TrustedProxiesTest, WithoutTrustedProxiesThePeerIsTheClient) {
    const TrustedProxies none;
    EXPECT_EQ(none.ClientAddress("127.0.0.1", "203.0.113.7"), "127.0.0.1");
}

TEST(TrustedProxiesTest, AnUntrustedPeerCannotChooseItsAddress) {
    const TrustedProxies proxies("127.0.0.1");
    EXPECT_EQ(proxies.ClientAddress("198.51.100.9", "203.0.113.7"), "198.51.100.9");
}

TEST(TrustedProxiesTest, BehindTheProxyTheClientIsTheEntryItAdded) {
    const TrustedProxies proxies("127.0.0.1, 10.0.0.2");
    EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "203.0.113.7"), "203.0.113.7");
    // The client wrote "1.2.3.4" itself; nginx appended the real address.
    EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "1.2.3.4, 203.0.113.7"), "203.0.113.7");
    // Two proxies in a row: the outer one (10.0.0.2) is trusted too.
    EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "1.2.3.4,203.0.113.7, 10.0.0.2"), "203.0.113.7");
    EXPECT_EQ(proxies.ClientAddress("::ffff:127.0.0.1", "2001:db8::5"), "2001:db8::5");
}

TEST(TrustedProxiesTest, AMissingOrMalformedHeaderLeavesTheLastKnownAddress) {
    const TrustedProxies proxies("127.0.0.1,10.0.0.2");
    EXPECT_EQ(proxies.ClientAddress("127.0.0.1", ""), "127.0.0.1");
    EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "not-an-address"), "127.0.0.1");
    EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "203.0.113.7, garbage, 10.0.0.2"), "10.0.0.2");
}

TEST(TrustedProxiesTest, ABadEntryIsNamed) {
    try {
        TrustedProxies("127.0.0.1,nginx");
        FAIL() << "no error";
    } catch (const std::invalid_argument& error) {
        EXPECT_STREQ(error.what(), "'nginx' is not an IP address");
    }
}

}  // namespace app::http
