#include "auth/password.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

#include "core/text.hpp"

namespace app::auth {
namespace {
struct SodiumInit {
    SodiumInit() {
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    }
};
void EnsureSodium() {
    static SodiumInit init;
}
}  // namespace

std::string HashPassword(std::string_view password, PasswordHashCost cost) {
    EnsureSodium();
    char hash[crypto_pwhash_STRBYTES];
    const auto operations = cost == PasswordHashCost::kInteractive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                                   : crypto_pwhash_OPSLIMIT_MIN;
    const auto memory = cost == PasswordHashCost::kInteractive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                                               : crypto_pwhash_MEMLIMIT_MIN;
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), operations, memory,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("argon2id hashing ran out of memory");
    }
    return hash;
}

bool VerifyPassword(const std::string& stored_hash, std::string_view password) {
    EnsureSodium();
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<LocalizedText> CheckPasswordRule(std::string_view password) {
    const std::size_t length = text::CodePointCount(password);
    bool has_letter = false;
    bool has_digit = false;
    for (unsigned char c : password) {
        has_letter = has_letter || std::isalpha(c);
        has_digit = has_digit || std::isdigit(c);
    }
    if (length < 8 || length > 64 || !has_letter || !has_digit) {
        return LocalizedText{"密码须为 8–64 个字符，且至少包含一个字母和一个数字",
                             "Password must be 8–64 characters with at least one letter and one digit"};
    }
    return std::nullopt;
}

std::string NewSecretToken() {
    EnsureSodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return encoded;
}

std::string HashToken(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return text::ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace app::auth
