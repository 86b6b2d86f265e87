#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace app::auth {

// argon2id cost. kInteractive is libsodium's interactive profile (64 MiB, 2 passes) for real use;
// kMinimal exists so tests that create many users stay fast.
enum class PasswordHashCost { kInteractive, kMinimal };

std::string HashPassword(std::string_view password, PasswordHashCost cost);
bool VerifyPassword(const std::string& stored_hash, std::string_view password);

// The password rule shown in the UI: 8–64 characters with at least one letter and one digit.
std::optional<LocalizedText> CheckPasswordRule(std::string_view password);

// 32 random bytes as URL-safe base64 (43 characters), and its SHA-256 for storage.
std::string NewSecretToken();
std::string HashToken(std::string_view token);

}  // namespace app::auth
