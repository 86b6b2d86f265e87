#pragma once

#include <string>
#include <string_view>

// The worker's receipt (ADR 0012): 20 decimal digits from the operating system's CSPRNG (66 bits), shown
// once, stored only as its SHA-256.
namespace app::reports {

inline constexpr std::size_t kReceiptDigits = 20;

std::string NewReceipt();
// What the worker typed with spaces and dashes removed (anything else is kept, so it simply will not match).
std::string NormaliseReceipt(std::string_view typed);
// "1234 5678 9012 3456 7890".
std::string FormatReceipt(std::string_view receipt);
// The stored form. Every lookup hashes what it was given, whatever its shape, and looks the hash up once.
std::string ReceiptHash(std::string_view normalised);

}  // namespace app::reports
