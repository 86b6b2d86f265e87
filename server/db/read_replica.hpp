#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace app::db {

// Where a read went, counted since the process started (for logs and tests).
struct ReplicaReadCounts {
    long long on_standby = 0;
    long long on_primary = 0;  // while the standby could not be reached
};

// Reads on a hot standby (PostgreSQL streaming replication), for the statistics pages (ADR 0014). While the
// standby cannot be reached the reads go to the primary and the standby is tried again after retry_after, so
// the dashboard keeps working, a little fresher, when the standby is down. Writes are refused: nothing that
// writes is given this database.
class ReadReplicaDatabase final : public Database {
public:
    ReadReplicaDatabase(Database& primary, std::string standby_url, const DatabaseOptions& options,
                        std::chrono::seconds retry_after = std::chrono::seconds(30));
    ~ReadReplicaDatabase() override;

    Dialect GetDialect() const override { return primary_.GetDialect(); }
    std::string Describe() const override;
    ReplicaReadCounts Counts() const;

protected:
    void RunRead(const Work& work) override;
    void RunWrite(const Work& work) override;

private:
    struct State;
    std::shared_ptr<Database> Standby();  // null while waiting to retry
    void MarkUnavailable(const std::string& reason);

    Database& primary_;
    std::string standby_url_;
    DatabaseOptions options_;
    std::chrono::seconds retry_after_;
    std::unique_ptr<State> state_;
};

}  // namespace app::db
