#include "files/file_store.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

namespace app::files {
namespace {

class FileStoreTest : public ::testing::Test {
protected:
    FileStoreTest() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ankang-files-XXXXXX").string();
        directory_ = ::mkdtemp(pattern.data());
    }
    ~FileStoreTest() override { std::filesystem::remove_all(directory_); }

    std::size_t CountRegularFiles() const {
        std::size_t count = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(directory_))
            count += entry.is_regular_file() ? 1 : 0;
        return count;
    }

    std::filesystem::path directory_;
};

TEST(Sha256Test, KnownVector) {
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(FileStoreTest, StoresUnderTheHashOnceAndReadsBack) {
    const FileStore store(directory_ / "files");  // created on first use
    const std::string bytes("binary\0content", 14);
    const std::string hash = store.Put(bytes);
    EXPECT_EQ(hash, Sha256Hex(bytes));
    const std::filesystem::path expected =
        directory_ / "files" / hash.substr(0, 2) / hash.substr(2, 2) / hash;
    EXPECT_EQ(store.PathOf(hash), expected);
    ASSERT_TRUE(std::filesystem::is_regular_file(expected));
    EXPECT_EQ(store.Read(hash), bytes);
    EXPECT_TRUE(store.Contains(hash));

    EXPECT_EQ(store.Put(bytes), hash);  // identical content: the same blob, no second file, no temp left
    store.Put("other");
    EXPECT_EQ(CountRegularFiles(), 2u);
}

TEST_F(FileStoreTest, ARelativeRootIsCreatedBelowTheWorkingDirectory) {
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(directory_);
    const FileStore store("data/files");
    const std::string hash = store.Put("relative");
    std::filesystem::current_path(previous);
    EXPECT_TRUE(std::filesystem::is_regular_file(directory_ / "data" / "files" / hash.substr(0, 2) /
                                                 hash.substr(2, 2) / hash));
}

TEST_F(FileStoreTest, MalformedHashesAndMissingBlobsFail) {
    const FileStore store(directory_);
    EXPECT_THROW(store.PathOf("../../etc/passwd"), std::exception);
    EXPECT_THROW(store.PathOf(std::string(64, 'G')), std::exception);
    EXPECT_FALSE(store.Contains(Sha256Hex("never stored")));
    EXPECT_THROW(store.Read(Sha256Hex("never stored")), std::exception);
}

}  // namespace
}  // namespace app::files
