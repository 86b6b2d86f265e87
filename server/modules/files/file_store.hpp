#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace app::files {

// Content-addressed blobs on disk: <root>/ab/cd/<sha256 in hex>, where ab and cd are the hash's first two
// byte pairs (so no directory holds more than a few hundred entries). A blob is written once per content —
// identical bytes are stored once however often they are uploaded — and never changed afterwards.
// Thread-safe and safe across processes sharing the directory: a blob appears by rename, complete.
class FileStore {
public:
    explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}

    // Stores `bytes` unless a blob with their hash is there already and returns the hash (64 lower-case hex
    // digits). Durable on return: written to a temporary file in the target directory, fsync'ed, renamed into
    // place, and the directory fsync'ed. Creates directories as needed. Throws app::Error (internal) on an
    // I/O failure, leaving no partial blob behind.
    std::string Put(std::string_view bytes) const;

    // The bytes of a blob. Throws app::Error (internal) when it is missing or unreadable: a row pointing to
    // no blob is damage (a restore without the files directory), not a client mistake.
    std::string Read(std::string_view sha256) const;

    bool Contains(std::string_view sha256) const;
    std::filesystem::path PathOf(std::string_view sha256) const;  // throws on a malformed hash
    const std::filesystem::path& Root() const { return root_; }

private:
    std::filesystem::path root_;
};

// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace app::files
