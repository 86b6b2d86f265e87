#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <string>

#include "core/content_sniff.hpp"
#include "core/error.hpp"

namespace app::http::multipart {
namespace {

using namespace std::string_literals;

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

// Framing or field error text (English), or "no error".
std::string ErrorOf(std::string_view body, std::string_view boundary = kBoundary, const Limits& limits = {}) {
    try {
        Parse(body, boundary, limits);
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        EXPECT_FALSE(error.GetMessage().zh.empty());
        if (error.GetFieldErrors().empty()) return error.GetMessage().en;
        const auto& [field, message] = *error.GetFieldErrors().begin();
        return field + ": " + message.en;
    }
    return "no error";
}

std::string ContentTypeErrorOf(std::string_view content_type) {
    try {
        BoundaryFromContentType(content_type);
    } catch (const Error& error) {
        EXPECT_EQ(error.GetCode(), ErrorCode::kInvalidInput);
        return error.GetMessage().en;
    }
    return "no error";
}

// Keeps a body alive until the tests end, as the Request keeps it for a handler: parts point into it.
std::string_view Keep(std::string body) {
    static std::deque<std::string> kept;
    return kept.emplace_back(std::move(body));
}

std::string TextPart(std::string_view name, std::string_view value) {
    return "--"s + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" +
           std::string(name) + "\"\r\n\r\n" + std::string(value) + "\r\n";
}

std::string Close() {
    return "--"s + std::string(kBoundary) + "--\r\n";
}

// A JPEG's first bytes with a CRLF, a CRLFCRLF and a "--" line inside, as real photos have.
const std::string kJpegData = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\r\n\r\n--\r\n\x00\xFF\xD9"s;

TEST(MultipartTest, ReadsATextFieldAndAFileAsABrowserSendsThem) {
    const std::string body = TextPart("description", "三楼配电箱门未关，有触电隐患") + "--" +
                             std::string(kBoundary) +
                             "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"site.jpg\"\r\n"
                             "Content-Type: image/jpeg\r\n\r\n" +
                             kJpegData + "\r\n" + Close();
    const auto parts = ParseForm(body, "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW");
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].name, "description");
    EXPECT_FALSE(parts[0].IsFile());
    EXPECT_EQ(parts[0].data, "三楼配电箱门未关，有触电隐患");
    EXPECT_EQ(parts[0].content_type, "");
    EXPECT_EQ(parts[1].name, "photo");
    ASSERT_TRUE(parts[1].IsFile());
    EXPECT_EQ(*parts[1].filename, "site.jpg");
    EXPECT_EQ(parts[1].content_type, "image/jpeg");
    EXPECT_EQ(parts[1].data, kJpegData);  // CRLFs and "--" inside the data are data
    EXPECT_EQ(content::Sniff(parts[1].data), content::FileType::kJpeg);
    // The data is a view into the body.
    EXPECT_GE(parts[1].data.data(), body.data());
    EXPECT_LE(parts[1].data.data() + parts[1].data.size(), body.data() + body.size());
    EXPECT_EQ(FindPart(parts, "photo"), &parts[1]);
    EXPECT_EQ(FindPart(parts, "missing"), nullptr);
}

TEST(MultipartTest, QuotedAndUnquotedBoundariesInTheContentType) {
    EXPECT_EQ(BoundaryFromContentType("multipart/form-data; boundary=abc123"), "abc123");
    EXPECT_EQ(BoundaryFromContentType("Multipart/Form-Data;boundary=\"a b:c?d\""), "a b:c?d");
    EXPECT_EQ(BoundaryFromContentType("multipart/form-data; charset=utf-8; boundary=\"x\";"), "x");
    EXPECT_EQ(BoundaryFromContentType("multipart/form-data; boundary=" + std::string(70, 'b')),
              std::string(70, 'b'));

    const std::string boundary = "a b:c?d";
    const std::string body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--" + boundary + "--";
    const auto parts = ParseForm(body, "multipart/form-data; boundary=\"a b:c?d\"");
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].data, "1");
}

TEST(MultipartTest, RefusesBadContentTypes) {
    EXPECT_EQ(ContentTypeErrorOf("application/json"), "Invalid Content-Type: it must be multipart/form-data");
    EXPECT_EQ(ContentTypeErrorOf("multipart/mixed; boundary=x"),
              "Invalid Content-Type: it must be multipart/form-data");
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data"),
              "Invalid Content-Type: the boundary parameter is missing");
    const std::string bad_boundary =
        "Invalid Content-Type: the boundary must be 1–70 letters, digits or '()+_,-./:=? characters";
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data; boundary=\"\""), bad_boundary);
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data; boundary=" + std::string(71, 'b')), bad_boundary);
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data; boundary=\"ends with space \""), bad_boundary);
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data; boundary=a\\b"), bad_boundary);
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data; boundary=a; boundary=b"),
              "Invalid Content-Type: it must be multipart/form-data");  // which one? refused
    EXPECT_EQ(ContentTypeErrorOf("multipart/form-data; boundary=\"unclosed"),
              "Invalid Content-Type: it must be multipart/form-data");
}

TEST(MultipartTest, ToleratesPreambleEpilogueAndTransportPadding) {
    const std::string body = "This is a preamble.\r\n--" + std::string(kBoundary) +
                             " \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--" +
                             std::string(kBoundary) + "--\r\nThis is an epilogue.\r\n";
    const auto parts = Parse(body, kBoundary);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].data, "value");
    // Only the closing delimiter: an empty form.
    EXPECT_TRUE(Parse(Keep(Close()), kBoundary).empty());
}

TEST(MultipartTest, MissingClosingBoundaryIsRefused) {
    EXPECT_EQ(ErrorOf(TextPart("a", "1")), "Malformed upload: the closing boundary is missing");
    EXPECT_EQ(ErrorOf(TextPart("a", "1") + "--" + std::string(kBoundary)),
              "Malformed upload: the closing boundary is missing");
    EXPECT_EQ(
        ErrorOf("--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"),
        "Malformed upload: the closing boundary is missing");
}

TEST(MultipartTest, EmptyBodyAndBodyWithoutTheBoundary) {
    EXPECT_EQ(ErrorOf(""), "Malformed upload: the request body is empty");
    EXPECT_EQ(ErrorOf("name=value"), "Malformed upload: the boundary declared in Content-Type never appears");
    // LF-only line ends (RFC 2046 requires CRLF) do not make a delimiter.
    EXPECT_EQ(ErrorOf("x\n--" + std::string(kBoundary) + "--\n"),
              "Malformed upload: the boundary declared in Content-Type never appears");
}

TEST(MultipartTest, BoundaryLikeTextInsideDataIsData) {
    const std::string b(kBoundary);
    // Not at the start of a line, a line with only part of the boundary, and the boundary after a bare LF.
    const std::string value = "see --" + b + "--\r\n--" + b.substr(0, 10) + "\r\nx\n--" + b + "--";
    const auto parts = Parse(Keep(TextPart("a", value) + Close()), kBoundary);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].data, value);
}

TEST(MultipartTest, ALineStartingWithTheBoundaryThatIsNotADelimiterIsRefused) {
    // Other parsers read "--boundaryX" either as data or as a delimiter; refusing it leaves no doubt.
    EXPECT_EQ(ErrorOf(TextPart("a", "1\r\n--" + std::string(kBoundary) + "X") + Close()),
              "Malformed upload (part 1): a line starts with the boundary but is not a boundary line");
    EXPECT_EQ(ErrorOf("--" + std::string(kBoundary) + "-x\r\n" + Close()),
              "Malformed upload: a line starts with the boundary but is not a boundary line");
}

TEST(MultipartTest, TooManyParts) {
    Limits limits;
    limits.max_parts = 3;
    std::string body;
    for (int index = 0; index < 3; ++index) body += TextPart("f" + std::to_string(index), "v");
    EXPECT_EQ(Parse(Keep(body + Close()), kBoundary, limits).size(), 3u);
    body += TextPart("f3", "v");
    EXPECT_EQ(ErrorOf(body + Close(), kBoundary, limits), "Malformed upload: more than 3 parts");
}

TEST(MultipartTest, OversizedOrUnterminatedHeaders) {
    Limits limits;
    limits.max_header_bytes = 100;
    const std::string b(kBoundary);
    const std::string long_header = "X-Padding: " + std::string(100, 'p') + "\r\n";
    EXPECT_EQ(ErrorOf("--" + b + "\r\n" + long_header +
                          "Content-Disposition: form-data; name=a\r\n\r\n1\r\n" + Close(),
                      kBoundary, limits),
              "Malformed upload (part 1): the headers exceed 100 bytes");
    // A header block that never ends, longer than the limit, and shorter.
    EXPECT_EQ(ErrorOf("--" + b + "\r\n" + long_header + "\r\n--" + b + "--", kBoundary, limits),
              "Malformed upload (part 1): the headers exceed 100 bytes");
    EXPECT_EQ(ErrorOf("--" + b + "\r\nContent-Disposition: form-data; name=a\r\n--" + b + "--"),
              "Malformed upload (part 1): the headers are not followed by an empty line");
}

TEST(MultipartTest, MalformedHeaders) {
    const std::string b(kBoundary);
    const auto with_headers = [&](const std::string& headers) {
        return ErrorOf("--" + b + "\r\n" + headers + "\r\n\r\n1\r\n" + Close());
    };
    EXPECT_EQ(with_headers("Content-Type: text/plain"),
              "Malformed upload (part 1): the Content-Disposition header is missing");
    EXPECT_EQ(ErrorOf("--" + b + "\r\n\r\n1\r\n" + Close()),
              "Malformed upload (part 1): the Content-Disposition header is missing");
    EXPECT_EQ(with_headers("Content-Disposition: attachment; name=a"),
              "Malformed upload (part 1): Content-Disposition must be form-data");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; filename=a.txt"),
              "Malformed upload (part 1): the field name (name) is missing");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; name=\"\""),
              "Malformed upload (part 1): the field name (name) is missing");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; name=a; name=b"),
              "Malformed upload (part 1): the Content-Disposition header is malformed");
    EXPECT_EQ(
        with_headers("Content-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b"),
        "Malformed upload (part 1): Content-Disposition appears twice");
    EXPECT_EQ(with_headers("Content-Disposition: form-data;\r\n name=a"),
              "Malformed upload (part 1): folded header lines are not supported");
    EXPECT_EQ(with_headers("Content-Disposition form-data; name=a"),
              "Malformed upload (part 1): a header line is not `Name: value`");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; name=a\nX: y"),
              "Malformed upload (part 1): a header contains a line break or NUL");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; name=a\r\nContent-Type: jpeg"),
              "Malformed upload (part 1): the Content-Type header is malformed");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: base64"),
              "Malformed upload (part 1): unsupported Content-Transfer-Encoding");
    EXPECT_EQ(with_headers("Content-Disposition: form-data; name=\"a\\\"b\"\r\nX-Other: ignored"),
              "no error");
}

TEST(MultipartTest, ChineseFileNamesRawAndExtended) {
    const std::string b(kBoundary);
    const auto file_part = [&](const std::string& disposition) {
        return "--" + b + "\r\nContent-Disposition: form-data; name=\"photo\"; " + disposition +
               "\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1A\n\r\n";
    };
    // Browsers send the UTF-8 bytes as they are.
    auto parts = Parse(Keep(file_part("filename=\"隐患照片 1.png\"") + Close()), kBoundary);
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].filename, "隐患照片 1.png");
    EXPECT_EQ(content::Sniff(parts[0].data), content::FileType::kPng);
    // RFC 8187 filename* wins over filename.
    parts =
        Parse(Keep(file_part("filename=\"fallback.png\"; filename*=UTF-8''%E9%9A%90%E6%82%A3.png") + Close()),
              kBoundary);
    EXPECT_EQ(parts[0].filename, "隐患.png");
    EXPECT_EQ(ErrorOf(file_part("filename*=GBK''%D2%FE.png") + Close()),
              "Malformed upload (part 1): filename* must be UTF-8''…");
    // Directories are dropped (old browsers sent the whole path); invalid UTF-8 (GBK bytes) is refused.
    parts = Parse(Keep(file_part("filename=\"C:\\Users\\张三\\桌面\\a.png\"") + Close()), kBoundary);
    EXPECT_EQ(parts[0].filename, "a.png");
    parts = Parse(Keep(file_part("filename=\"../../etc/passwd\"") + Close()), kBoundary);
    EXPECT_EQ(parts[0].filename, "passwd");
    EXPECT_EQ(ErrorOf(file_part("filename=\"\xD2\xFE.png\"") + Close()),
              "Malformed upload (part 1): the file name must be valid UTF-8 of at most 255 bytes");
    // An empty file input.
    parts = Parse(Keep(file_part("filename=\"\"") + Close()), kBoundary);
    ASSERT_TRUE(parts[0].IsFile());
    EXPECT_EQ(parts[0].filename, "");
}

TEST(MultipartTest, DuplicateTextFieldsAreRefusedRepeatedFilesAreNot) {
    EXPECT_EQ(ErrorOf(TextPart("a", "1") + TextPart("a", "2") + Close()), "a: appears more than once");
    const std::string b(kBoundary);
    const std::string file =
        "--" + b + "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x.gif\"\r\n\r\nGIF89a\r\n";
    EXPECT_EQ(ErrorOf(TextPart("a", "1") + file + Close()), "a: appears more than once");
    EXPECT_EQ(ErrorOf(file + TextPart("a", "1") + Close()), "a: appears more than once");
    EXPECT_EQ(Parse(Keep(file + file + Close()), kBoundary).size(), 2u);
}

TEST(MultipartTest, TextFieldsAreBoundedValidUtf8WithoutNul) {
    Limits limits;
    limits.max_text_bytes = 4;
    EXPECT_EQ(ErrorOf(TextPart("a", "12345") + Close(), kBoundary, limits), "a: must be at most 4 bytes");
    EXPECT_EQ(ErrorOf(TextPart("a", "1234") + Close(), kBoundary, limits), "no error");
    EXPECT_EQ(ErrorOf(TextPart("a", "\xC4\xE3") + Close()), "a: contains invalid characters");
    EXPECT_EQ(ErrorOf(TextPart("a", "ad\0min"s) + Close()), "a: contains invalid characters");
    Limits name_limits;
    name_limits.max_name_bytes = 3;
    EXPECT_EQ(ErrorOf(TextPart("abcd", "1") + Close(), kBoundary, name_limits),
              "Malformed upload (part 1): the field name must be valid text of at most 3 bytes");
}

}  // namespace
}  // namespace app::http::multipart
