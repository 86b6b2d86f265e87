#include "test_support/test_database.hpp"

#include <sodium.h>

#include <cstdlib>

#include "core/text.hpp"
#include "db/migrator.hpp"

namespace app::testing {

bool TestDatabase::UsingPostgres() {
    const char* url = std::getenv("ANKANG_TEST_DATABASE_URL");
    return url && std::string_view(url).starts_with("postgres");
}

TestDatabase::TestDatabase() {
    if (!UsingPostgres()) {
        database_ = db::OpenDatabase("sqlite::memory:");
        db::Migrate(*database_);
        return;
    }
    admin_url_ = std::getenv("ANKANG_TEST_DATABASE_URL");
    unsigned char bytes[6];
    randombytes_buf(bytes, sizeof bytes);
    schema_ = "test_" + text::ToHex(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
    {
        auto admin = db::OpenDatabase(admin_url_, {.read_connections = 0});
        admin->Write([&](db::Session& session) { session.RunScript("CREATE SCHEMA " + schema_); });
    }
    const char separator = admin_url_.find('?') == std::string::npos ? '?' : '&';
    url_ = admin_url_ + separator + "options=-csearch_path%3D" + schema_;
    database_ = db::OpenDatabase(url_, {.read_connections = 3});
    db::Migrate(*database_);
}

TestDatabase::~TestDatabase() {
    database_.reset();
    if (!schema_.empty()) {
        try {
            auto admin = db::OpenDatabase(admin_url_, {.read_connections = 0});
            admin->Write(
                [&](db::Session& session) { session.RunScript("DROP SCHEMA " + schema_ + " CASCADE"); });
        } catch (...) {
        }
    }
}

}  // namespace app::testing
