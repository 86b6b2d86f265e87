#include "reports/receipt.hpp"

#include <sodium.h>

#include "auth/password.hpp"

namespace app::reports {

std::string NewReceipt() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    std::string receipt;
    receipt.reserve(kReceiptDigits);
    for (std::size_t i = 0; i < kReceiptDigits; ++i)
        receipt.push_back(static_cast<char>('0' + randombytes_uniform(10)));  // uniform, no modulo bias
    return receipt;
}

std::string NormaliseReceipt(std::string_view typed) {
    std::string receipt;
    receipt.reserve(typed.size());
    for (const char c : typed) {
        if (c != ' ' && c != '-' && c != '\t') receipt.push_back(c);
    }
    return receipt;
}

std::string FormatReceipt(std::string_view receipt) {
    std::string formatted;
    for (std::size_t i = 0; i < receipt.size(); ++i) {
        if (i > 0 && i % 4 == 0) formatted.push_back(' ');
        formatted.push_back(receipt[i]);
    }
    return formatted;
}

std::string ReceiptHash(std::string_view normalised) {
    return auth::HashToken(normalised);
}

}  // namespace app::reports
