#include "files/file_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace app::files {
namespace {

bool IsHash(std::string_view sha256) {
    if (sha256.size() != 64) return false;
    for (char c : sha256)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

[[noreturn]] void Fail(const std::string& what, const std::filesystem::path& path, int error_number) {
    throw Error::Internal("file store: " + what + " " + path.string() + ": " + std::strerror(error_number));
}

void FsyncDirectory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) Fail("open directory", directory, errno);
    const int result = ::fsync(fd);
    const int error_number = errno;
    ::close(fd);
    if (result != 0) Fail("fsync directory", directory, error_number);
}

// Creates `directory` and its missing parents, fsync'ing each parent that got a new entry so the path
// survives a crash together with the blob.
void MakeDirectories(const std::filesystem::path& directory) {
    if (directory.empty() || std::filesystem::is_directory(directory)) return;
    const std::filesystem::path parent =
        directory.has_parent_path() ? directory.parent_path() : std::filesystem::path(".");
    MakeDirectories(directory.parent_path());
    if (::mkdir(directory.c_str(), 0750) != 0 && errno != EEXIST) Fail("mkdir", directory, errno);
    FsyncDirectory(parent);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return text::ToLowerAscii(
        text::ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest)));
}

std::filesystem::path FileStore::PathOf(std::string_view sha256) const {
    if (!IsHash(sha256)) throw Error::Internal("file store: malformed hash '" + std::string(sha256) + "'");
    return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256.substr(2, 2)) / std::string(sha256);
}

bool FileStore::Contains(std::string_view sha256) const {
    std::error_code error;
    return std::filesystem::is_regular_file(PathOf(sha256), error);
}

std::string FileStore::Put(std::string_view bytes) const {
    const std::string hash = Sha256Hex(bytes);
    const std::filesystem::path target = PathOf(hash);
    std::error_code error;
    if (std::filesystem::file_size(target, error) == bytes.size() && !error) return hash;

    const std::filesystem::path directory = target.parent_path();
    MakeDirectories(directory);
    std::string temporary = (directory / (".tmp-" + hash + "-XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) Fail("create", temporary, errno);
    const auto abandon = [&](const char* what) {
        const int error_number = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        Fail(what, temporary, error_number);
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t result = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR) continue;
            abandon("write");
        }
        written += static_cast<std::size_t>(result);
    }
    if (::fchmod(fd, 0640) != 0) abandon("chmod");
    if (::fsync(fd) != 0) abandon("fsync");
    if (::close(fd) != 0) {
        const int error_number = errno;
        ::unlink(temporary.c_str());
        Fail("close", temporary, error_number);
    }
    // Two uploads of the same content may race here; both renames put identical bytes in place.
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error_number = errno;
        ::unlink(temporary.c_str());
        Fail("rename", target, error_number);
    }
    FsyncDirectory(directory);
    return hash;
}

std::string FileStore::Read(std::string_view sha256) const {
    const std::filesystem::path path = PathOf(sha256);
    std::ifstream stream(path, std::ios::binary);
    if (!stream) Fail("open", path, errno);
    std::ostringstream bytes;
    bytes << stream.rdbuf();
    if (stream.bad()) Fail("read", path, errno);
    return std::move(bytes).str();
}

}  // namespace app::files
