#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace app::csv {

// Bounds on what one record may hold. A file that exceeds them is refused with the row number: a spreadsheet
// export never comes near them, and they keep a hostile upload from growing one field without end.
struct Limits {
    std::size_t max_field_bytes = 64 * 1024;
    std::size_t max_record_bytes = 1024 * 1024;
    std::size_t max_fields = 256;
};

// Supplies the input piece by piece; an empty view means the end. The view must stay valid until the next
// call. A whole file in memory is one piece (see ReaderOver); a file on disk can be read in chunks.
using ChunkSource = std::function<std::string_view()>;

// Reads RFC 4180 CSV one record at a time: fields separated by commas, records by CRLF, LF or CR; a field
// in double quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order mark at the
// start is skipped. Lenient where spreadsheets are: a quote inside an unquoted field is kept as text, and a
// blank line is a record with one empty field (callers usually skip it, but it still counts as a row so
// row numbers match the spreadsheet's). Strict where data would be lost: text after a closing quote, an
// unterminated quoted field, invalid UTF-8 and the limits above throw app::Error (invalid_input, field
// "file") naming the row, 1-based, the header being row 1. Not thread-safe; one reader per input.
class Reader {
public:
    Reader(ChunkSource source, Limits limits = {});

    // The next record into `fields` (cleared first); false at the end of the input.
    bool Next(std::vector<std::string>& fields);
    // The row number of the record Next() returned last.
    std::int64_t RowNumber() const { return row_number_; }

private:
    bool NextByte(char& byte);
    void EndField(std::vector<std::string>& fields, std::string& field);
    [[noreturn]] void Fail(const char* zh, const char* en) const;

    ChunkSource source_;
    Limits limits_;
    std::string_view chunk_;
    std::size_t position_ = 0;
    std::string replay_;  // bytes read while looking for a byte order mark that were not one
    std::size_t replay_position_ = 0;
    bool at_end_ = false;
    bool at_start_ = true;
    bool pending_line_feed_skip_ =
        false;  // a CR ended the last record; a directly following LF belongs to it
    std::int64_t row_number_ = 0;
    std::size_t record_bytes_ = 0;
};

// A reader over text already in memory.
Reader ReaderOver(std::string_view text, Limits limits = {});

// Appends one record to `out`, quoting fields that need it, and ends it with CRLF. A field a spreadsheet
// would run as a formula (starting with = + - @ or a tab/CR) gets a leading apostrophe, so a report built
// from user input cannot execute anything when opened (CSV injection).
void AppendRecord(std::string& out, const std::vector<std::string>& fields);

}  // namespace app::csv
