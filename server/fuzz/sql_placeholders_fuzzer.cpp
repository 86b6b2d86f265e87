// db::RewritePlaceholdersForSqlite: PostgreSQL's $1..$n to SQLite's ?1..?n.
//
// Input: SQL text (any bytes).
//
// A small reference lexer, written independently of the rewrite, finds the placeholders: "$" followed by a
// digit, outside '…' and "…" quotes (a doubled quote stays inside), -- line comments and /* */ comments,
// and not inside an identifier — both databases allow '$' within identifiers (a$1 is a column name), so a
// '$' after a letter, digit, '_', '$' or a non-ASCII byte is not a placeholder.
//
// Invariants (each failure is a finding):
//  - The output has the input's length and differs from it only where the reference lexer found a
//    placeholder's '$', which became '?'; every such '$' was rewritten.
//  - So the output has no '$'-digit placeholder outside quotes and comments (never more than the input),
//    and rewriting it again changes nothing.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/placeholders.hpp"
#include "fuzz_check.hpp"

namespace {

using app::fuzz::Quote;

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

bool IsIdentifierByte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || IsDigit(c) || c == '_' ||
           c == '$' || byte >= 0x80;
}

// Positions of the '$' of every placeholder outside quotes, comments and identifiers.
std::vector<std::size_t> Placeholders(std::string_view sql) {
    std::vector<std::size_t> found;
    enum class State { kCode, kQuoted, kLineComment, kBlockComment } state = State::kCode;
    char quote = 0;
    for (std::size_t index = 0; index < sql.size(); ++index) {
        const char c = sql[index];
        const char next = index + 1 < sql.size() ? sql[index + 1] : '\0';
        switch (state) {
            case State::kCode:
                if (c == '\'' || c == '"') {
                    state = State::kQuoted;
                    quote = c;
                } else if (c == '-' && next == '-') {
                    state = State::kLineComment;
                    ++index;
                } else if (c == '/' && next == '*') {
                    state = State::kBlockComment;
                    ++index;
                } else if (c == '$' && IsDigit(next) && (index == 0 || !IsIdentifierByte(sql[index - 1]))) {
                    found.push_back(index);
                    while (index + 1 < sql.size() && IsDigit(sql[index + 1])) ++index;
                }
                break;
            case State::kQuoted:
                if (c == quote) {
                    if (next == quote && index + 1 < sql.size()) {
                        ++index;  // doubled quote: still inside
                    } else {
                        state = State::kCode;
                    }
                }
                break;
            case State::kLineComment:
                if (c == '\n') state = State::kCode;
                break;
            case State::kBlockComment:
                if (c == '*' && next == '/' && index + 1 < sql.size()) {
                    state = State::kCode;
                    ++index;
                }
                break;
        }
    }
    return found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view sql(reinterpret_cast<const char*>(data), size);
    const std::string rewritten = app::db::RewritePlaceholdersForSqlite(sql);
    const std::vector<std::size_t> expected = Placeholders(sql);

    FUZZ_CHECK(rewritten.size() == sql.size(), Quote(sql) + " -> " + Quote(rewritten));
    std::size_t next_expected = 0;
    for (std::size_t index = 0; index < sql.size(); ++index) {
        const bool placeholder = next_expected < expected.size() && expected[next_expected] == index;
        if (placeholder) {
            ++next_expected;
            FUZZ_CHECK(rewritten[index] == '?', "placeholder at " + std::to_string(index) +
                                                    " not rewritten: " + Quote(sql) + " -> " +
                                                    Quote(rewritten));
        } else {
            FUZZ_CHECK(rewritten[index] == sql[index], "byte " + std::to_string(index) + " changed: " +
                                                           Quote(sql) + " -> " + Quote(rewritten));
        }
    }
    FUZZ_CHECK(Placeholders(rewritten).size() <= expected.size(), Quote(sql) + " -> " + Quote(rewritten));
    FUZZ_CHECK(Placeholders(rewritten).empty(), Quote(sql) + " -> " + Quote(rewritten));
    FUZZ_CHECK(app::db::RewritePlaceholdersForSqlite(rewritten) == rewritten,
               Quote(sql) + " -> " + Quote(rewritten));
    return 0;
}
