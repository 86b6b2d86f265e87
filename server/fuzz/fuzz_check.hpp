#pragma once

// Shared by the fuzzers: an invariant that does not hold is a finding. FUZZ_CHECK prints what failed and
// aborts, which libFuzzer reports as a crash and saves the input as crash-<sha1> (the reproducer).

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace app::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* condition, const std::string& detail) {
    std::fprintf(stderr, "\n==FUZZ CHECK FAILED== %s:%d: %s\n", file, line, condition);
    if (!detail.empty()) std::fprintf(stderr, "  %s\n", detail.c_str());
    std::fflush(stderr);
    std::abort();
}

// Printable form of arbitrary bytes for failure messages.
inline std::string Quote(std::string_view bytes) {
    std::string result = "\"";
    for (const unsigned char c : bytes) {
        if (c == '"' || c == '\\') {
            result.push_back('\\');
            result.push_back(static_cast<char>(c));
        } else if (c >= 0x20 && c < 0x7F) {
            result.push_back(static_cast<char>(c));
        } else {
            static constexpr char kHex[] = "0123456789abcdef";
            result += "\\x";
            result.push_back(kHex[c >> 4]);
            result.push_back(kHex[c & 0x0F]);
        }
    }
    result.push_back('"');
    return result;
}

// Runs one step that may end with app::Error (an expected outcome: the request is answered with an
// error). Any other exception escaping is a finding.
template <typename Step>
void ExpectOnlyAppErrors(const char* what, Step&& step) {
    try {
        step();
    } catch (const Error&) {
        // expected: invalid input answers 400/404
    } catch (const std::exception& exception) {
        Fail(__FILE__, __LINE__, what, std::string("unexpected exception: ") + exception.what());
    } catch (...) {
        Fail(__FILE__, __LINE__, what, "unexpected non-standard exception");
    }
}

}  // namespace app::fuzz

#define FUZZ_CHECK(condition, detail)                                                  \
    do {                                                                               \
        if (!(condition)) ::app::fuzz::Fail(__FILE__, __LINE__, #condition, (detail)); \
    } while (false)
