#include "core/csv.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace app::csv {

Reader::Reader(ChunkSource source, Limits limits) : source_(std::move(source)), limits_(limits) {}

Reader ReaderOver(std::string_view text, Limits limits) {
    bool given = false;
    return Reader(
        [text, given]() mutable -> std::string_view {
            if (given) return {};
            given = true;
            return text;
        },
        limits);
}

bool Reader::NextByte(char& byte) {
    if (replay_position_ < replay_.size()) {
        byte = replay_[replay_position_++];
        return true;
    }
    while (position_ >= chunk_.size()) {
        if (at_end_) return false;
        chunk_ = source_();
        position_ = 0;
        if (chunk_.empty()) {
            at_end_ = true;
            return false;
        }
    }
    byte = chunk_[position_++];
    return true;
}

void Reader::Fail(const char* zh, const char* en) const {
    throw Error::InvalidField("file", {"第 " + std::to_string(row_number_) + " 行：" + zh,
                                       "Row " + std::to_string(row_number_) + ": " + en});
}

void Reader::EndField(std::vector<std::string>& fields, std::string& field) {
    // Checked per field rather than per byte: a multi-byte character never straddles two fields.
    if (!text::IsValidUtf8(field)) {
        Fail("含有无效的 UTF-8 字符（请以 UTF-8 编码保存文件）", "invalid UTF-8 (save the file as UTF-8)");
    }
    if (fields.size() >= limits_.max_fields) Fail("列数过多", "too many columns");
    fields.push_back(std::move(field));
    field.clear();
}

bool Reader::Next(std::vector<std::string>& fields) {
    fields.clear();
    record_bytes_ = 0;
    char byte = 0;
    if (at_start_) {
        at_start_ = false;
        // Skip a byte order mark. Its bytes may arrive in separate chunks, so they are read one at a time;
        // whatever was read that turns out not to be one is replayed as the first field's text.
        static constexpr std::string_view kBom = "\xEF\xBB\xBF";
        std::string prefix;
        while (prefix.size() < kBom.size() && NextByte(byte)) {
            prefix.push_back(byte);
            if (byte != kBom[prefix.size() - 1]) break;
        }
        if (prefix != kBom) replay_ = std::move(prefix);
    }
    if (!NextByte(byte)) return false;
    if (pending_line_feed_skip_) {
        pending_line_feed_skip_ = false;
        if (byte == '\n' && !NextByte(byte)) return false;
    }
    ++row_number_;

    enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
    State state = State::kFieldStart;
    std::string field;
    while (true) {
        const bool line_end = byte == '\n' || byte == '\r';
        switch (state) {
            case State::kFieldStart:
            case State::kUnquoted:
            case State::kQuoteInQuoted:
                if (byte == '"' && state == State::kFieldStart) {
                    state = State::kQuoted;
                } else if (byte == '"' && state == State::kQuoteInQuoted) {
                    field.push_back('"');  // a doubled quote inside a quoted field
                    state = State::kQuoted;
                } else if (byte == ',') {
                    EndField(fields, field);
                    state = State::kFieldStart;
                } else if (line_end) {
                    EndField(fields, field);
                    pending_line_feed_skip_ = byte == '\r';
                    return true;
                } else if (state == State::kQuoteInQuoted) {
                    Fail(
                        "引号后只能是逗号或换行（字段内的引号请写成两个引号）",
                        "a closing quote must be followed by a comma or a line break (write a quote inside a "
                        "field as two quotes)");
                } else {
                    field.push_back(byte);
                    state = State::kUnquoted;
                }
                break;
            case State::kQuoted:
                if (byte == '"') {
                    state = State::kQuoteInQuoted;
                } else {
                    field.push_back(byte);
                }
                break;
        }
        if (field.size() > limits_.max_field_bytes) Fail("字段过长", "a field is too long");
        if (++record_bytes_ > limits_.max_record_bytes) Fail("行过长", "the row is too long");
        if (!NextByte(byte)) {
            if (state == State::kQuoted) Fail("引号未闭合", "a quoted field is not closed");
            EndField(fields, field);
            return true;
        }
    }
}

void AppendRecord(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const std::string& field : fields) {
        if (!first) out.push_back(',');
        first = false;
        const bool formula = !field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' ||
                                                field[0] == '@' || field[0] == '\t' || field[0] == '\r');
        // A leading U+FEFF would read back as a byte order mark (and be dropped) if it opened the file;
        // in quotes it is text (found by the enterprise_csv fuzzer).
        const bool starts_with_bom = field.rfind("\xEF\xBB\xBF", 0) == 0;
        const bool needs_quotes =
            formula || starts_with_bom || field.find_first_of(",\"\r\n") != std::string::npos;
        if (!needs_quotes) {
            out += field;
            continue;
        }
        out.push_back('"');
        if (formula) out.push_back('\'');
        for (char c : field) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    }
    out += "\r\n";
}

}  // namespace app::csv
