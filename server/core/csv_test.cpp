#include "core/csv.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace app::csv {
namespace {

using Records = std::vector<std::vector<std::string>>;

Records ReadAll(std::string_view text, Limits limits = {}) {
    Reader reader = ReaderOver(text, limits);
    Records records;
    std::vector<std::string> fields;
    while (reader.Next(fields)) records.push_back(fields);
    return records;
}

// The same text fed one byte per chunk: every state must survive a chunk boundary.
Records ReadByteByByte(std::string_view text) {
    std::size_t position = 0;
    Reader reader([&]() -> std::string_view {
        if (position >= text.size()) return {};
        return text.substr(position++, 1);
    });
    Records records;
    std::vector<std::string> fields;
    while (reader.Next(fields)) records.push_back(fields);
    return records;
}

std::string ErrorOf(std::string_view text, Limits limits = {}) {
    try {
        ReadAll(text, limits);
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        return error.GetFieldErrors().at("file").en;
    }
    return "no error";
}

}  // namespace

TEST(CsvTest, ReadsQuotesDoubledQuotesAndEmbeddedLineBreaks) {
    const std::string text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",,\"\"\n";
    const Records expected{{"a", "b,c", "say \"hi\""}, {"line\nbreak", "", ""}};
    EXPECT_EQ(ReadAll(text), expected);
    EXPECT_EQ(ReadByteByByte(text), expected);
}

TEST(CsvTest, LineEndingsCrLfLfAndCrWithOrWithoutAFinalOne) {
    const Records expected{{"1", "2"}, {"3", "4"}};
    EXPECT_EQ(ReadAll("1,2\r\n3,4\r\n"), expected);
    EXPECT_EQ(ReadAll("1,2\n3,4"), expected);
    EXPECT_EQ(ReadAll("1,2\r3,4\r"), expected);
    EXPECT_EQ(ReadByteByByte("1,2\r\n3,4"), expected);
}

TEST(CsvTest, BlankLinesAreRowsSoNumbersMatchTheSpreadsheet) {
    Reader reader = ReaderOver("h\n\n\"x\ny\"\nz\n");
    std::vector<std::string> fields;
    std::vector<std::int64_t> rows;
    while (reader.Next(fields)) rows.push_back(reader.RowNumber());
    EXPECT_EQ(rows, (std::vector<std::int64_t>{1, 2, 3, 4}));  // the embedded line break is one row
}

TEST(CsvTest, SkipsAByteOrderMarkEvenSplitAcrossChunks) {
    const std::string text = "\xEF\xBB\xBF统一社会信用代码,企业名称\n";
    const Records expected{{"统一社会信用代码", "企业名称"}};
    EXPECT_EQ(ReadAll(text), expected);
    EXPECT_EQ(ReadByteByByte(text), expected);
    // Bytes that only start like a BOM are text (here an invalid sequence, refused as such).
    EXPECT_EQ(ErrorOf("\xEF\xBB,x\n"), "Row 1: invalid UTF-8 (save the file as UTF-8)");
    EXPECT_EQ(ErrorOf("\xEF"), "Row 1: invalid UTF-8 (save the file as UTF-8)");  // never skipped silently
}

TEST(CsvTest, RefusesInvalidUtf8WithTheRowNumber) {
    EXPECT_EQ(ErrorOf("a\nb\n\xC4\xE3\xBA\xC3,x\n"),
              "Row 3: invalid UTF-8 (save the file as UTF-8)");  // GBK 你好
    EXPECT_EQ(ErrorOf("a\n\"\xFF\"\n"), "Row 2: invalid UTF-8 (save the file as UTF-8)");
}

TEST(CsvTest, RefusesTextAfterAClosingQuoteAndAnUnclosedQuote) {
    EXPECT_EQ(ErrorOf("a\n\"x\"y,z\n").substr(0, 7), "Row 2: ");
    EXPECT_EQ(ErrorOf("a\nb\n\"open,\nnever closed"), "Row 3: a quoted field is not closed");
    // A quote inside an unquoted field is kept, as spreadsheets write it.
    EXPECT_EQ(ReadAll("5\"x,y\n"), (Records{{"5\"x", "y"}}));
}

TEST(CsvTest, EnforcesFieldRecordAndColumnLimits) {
    const Limits limits{.max_field_bytes = 8, .max_record_bytes = 20, .max_fields = 3};
    EXPECT_EQ(ReadAll("12345678,1\n", limits), (Records{{"12345678", "1"}}));
    EXPECT_EQ(ErrorOf("ok\n123456789\n", limits), "Row 2: a field is too long");
    EXPECT_EQ(ErrorOf("1234567,1234567,1234567\n", limits), "Row 1: the row is too long");
    EXPECT_EQ(ErrorOf("a,b,c,d\n", limits), "Row 1: too many columns");
    EXPECT_EQ(ErrorOf("\"" + std::string(100, 'x'), limits), "Row 1: a field is too long");
}

TEST(CsvTest, EmptyInputHasNoRecords) {
    EXPECT_TRUE(ReadAll("").empty());
    EXPECT_EQ(ReadAll("\xEF\xBB\xBF"), Records{});
}

TEST(CsvTest, AppendRecordQuotesWhatNeedsItAndDefusesFormulas) {
    std::string out;
    AppendRecord(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "=1+1", "-2", "@SUM(A1)", ""});
    EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=1+1\",\"'-2\",\"'@SUM(A1)\",\r\n");
    // What it writes reads back (the apostrophe stays: it is what makes the cell text).
    EXPECT_EQ(ReadAll(out),
              (Records{{"plain", "a,b", "say \"hi\"", "two\nlines", "'=1+1", "'-2", "'@SUM(A1)", ""}}));
}

TEST(CsvTest, AFieldStartingWithAByteOrderMarkSurvivesBeingWrittenFirst) {
    // Found by the enterprise_csv fuzzer: unquoted, the field's U+FEFF read back as the file's BOM and
    // vanished.
    std::string out;
    AppendRecord(out, {"\xEF\xBB\xBFx", "y"});
    EXPECT_EQ(out, "\"\xEF\xBB\xBFx\",y\r\n");
    EXPECT_EQ(ReadAll(out), (Records{{"\xEF\xBB\xBFx", "y"}}));
}

}  // namespace app::csv
