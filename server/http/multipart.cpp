#include "http/multipart.hpp"

#include <set>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"
#include "http/message.hpp"

namespace app::http::multipart {

namespace {

constexpr std::string_view kCrLf = "\r\n";

[[noreturn]] void FailContentType(const std::string& zh, const std::string& en) {
    throw Error(ErrorCode::kInvalidInput, {"请求的 Content-Type 有误：" + zh, "Invalid Content-Type: " + en});
}

// A framing problem. `part` is 1-based; 0 when the problem is not inside one part.
[[noreturn]] void Fail(std::size_t part, const std::string& zh, const std::string& en) {
    if (part == 0) {
        throw Error(ErrorCode::kInvalidInput, {"上传内容格式有误：" + zh, "Malformed upload: " + en});
    }
    const std::string number = std::to_string(part);
    throw Error(ErrorCode::kInvalidInput, {"上传内容格式有误（第 " + number + " 部分）：" + zh,
                                           "Malformed upload (part " + number + "): " + en});
}

bool IsTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!IsTokenChar(c)) return false;
    return true;
}

// RFC 2046 bchars: DIGIT / ALPHA / ' ( ) + _ , - . / : = ? and space (not last).
bool IsBoundaryChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

bool HasControlCharacter(std::string_view text) {
    for (const unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

std::string_view TrimSpaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

using Parameters = std::vector<std::pair<std::string, std::string>>;  // names in lower case

// A header value "main; a=b; c="d"": the main value (trimmed) and its parameters, or nullopt when malformed.
// Quoted strings unescape \" and \\ only: browsers do not escape backslashes (HTML's form encoding sends
// `"` as %22 instead), so C:\dir\a.jpg from an old browser keeps its backslashes. A parameter given twice is
// malformed: which one counts is exactly where two parsers would disagree.
std::optional<std::pair<std::string_view, Parameters>> ParseHeaderValue(std::string_view text) {
    const std::size_t semicolon = text.find(';');
    const std::string_view main = TrimSpaces(text.substr(0, semicolon));
    Parameters parameters;
    if (semicolon == std::string_view::npos) return std::make_pair(main, std::move(parameters));
    std::size_t i = semicolon;
    const auto skip_spaces = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    };
    while (true) {
        skip_spaces();
        if (i == text.size()) break;
        if (text[i] != ';') return std::nullopt;
        ++i;
        skip_spaces();
        if (i == text.size()) break;  // a trailing ';' is harmless
        const std::size_t name_start = i;
        while (i < text.size() && IsTokenChar(text[i])) ++i;
        if (i == name_start) return std::nullopt;
        std::string name = text::ToLowerAscii(text.substr(name_start, i - name_start));
        skip_spaces();
        if (i == text.size() || text[i] != '=') return std::nullopt;
        ++i;
        skip_spaces();
        std::string value;
        if (i < text.size() && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                char c = text[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < text.size() && (text[i] == '"' || text[i] == '\\')) c = text[i++];
                value.push_back(c);
            }
            if (!closed) return std::nullopt;
        } else {
            const std::size_t value_start = i;
            while (i < text.size() && text[i] != ';' && text[i] != ' ' && text[i] != '\t' && text[i] != '"')
                ++i;
            value = std::string(text.substr(value_start, i - value_start));
            if (value.empty()) return std::nullopt;
        }
        for (const auto& existing : parameters)
            if (existing.first == name) return std::nullopt;
        parameters.emplace_back(std::move(name), std::move(value));
    }
    return std::make_pair(main, std::move(parameters));
}

const std::string* FindParameter(const Parameters& parameters, std::string_view name) {
    for (const auto& [key, value] : parameters)
        if (key == name) return &value;
    return nullptr;
}

class Parser {
public:
    Parser(std::string_view body, std::string_view boundary, const Limits& limits)
        : body_(body), dash_boundary_("--" + std::string(boundary)), limits_(limits) {}

    std::vector<Part> Run();

private:
    Part ParsePart(std::string_view text, std::size_t number);
    void ReadHeader(std::string_view line, std::size_t number, Part& part, bool& has_disposition,
                    bool& has_type);
    void ReadDisposition(std::string_view value, std::size_t number, Part& part);
    void CheckPart(const Part& part);

    std::string_view body_;
    std::string dash_boundary_;  // "--" + boundary
    const Limits& limits_;
    std::set<std::string, std::less<>> names_;       // every field name seen
    std::set<std::string, std::less<>> text_names_;  // names of text parts
};

std::vector<Part> Parser::Run() {
    if (body_.empty()) Fail(0, "请求内容为空", "the request body is empty");
    const std::string delimiter = std::string(kCrLf) + dash_boundary_;
    // `position` is always just after a delimiter's "--boundary". The first delimiter may open the body
    // without a CRLF before it; otherwise everything up to it is preamble. string_view::find is linear here:
    // a match can only start at a CR, and the boundary itself holds none.
    std::size_t position = 0;
    if (body_.substr(0, dash_boundary_.size()) == dash_boundary_) {
        position = dash_boundary_.size();
    } else {
        const std::size_t first = body_.find(delimiter);
        if (first == std::string_view::npos) {
            Fail(0, "找不到 Content-Type 中声明的分隔行",
                 "the boundary declared in Content-Type never appears");
        }
        position = first + delimiter.size();
    }

    std::vector<Part> parts;
    while (true) {
        if (body_.substr(position, 2) == "--") break;  // the closing delimiter; the rest is epilogue
        while (position < body_.size() && (body_[position] == ' ' || body_[position] == '\t')) ++position;
        if (position >= body_.size()) Fail(0, "缺少结尾的分隔行", "the closing boundary is missing");
        if (body_.substr(position, 2) != kCrLf) {
            Fail(parts.size(), "有一行以分隔符开头却不是分隔行",
                 "a line starts with the boundary but is not a boundary line");
        }
        position += kCrLf.size();
        const std::size_t end = body_.find(delimiter, position);
        if (end == std::string_view::npos) Fail(0, "缺少结尾的分隔行", "the closing boundary is missing");
        if (parts.size() >= limits_.max_parts) {
            Fail(0, "超过 " + std::to_string(limits_.max_parts) + " 个部分",
                 "more than " + std::to_string(limits_.max_parts) + " parts");
        }
        parts.push_back(ParsePart(body_.substr(position, end - position), parts.size() + 1));
        CheckPart(parts.back());
        position = end + delimiter.size();
    }
    return parts;
}

Part Parser::ParsePart(std::string_view text, std::size_t number) {
    std::string_view headers;
    std::string_view data;
    if (text.substr(0, 2) == kCrLf) {
        data = text.substr(2);  // no headers at all (refused below: Content-Disposition is required)
    } else {
        // Searched only as far as the limit allows, so a part without a blank line costs no more than that.
        const std::size_t end = text.substr(0, limits_.max_header_bytes + 4).find("\r\n\r\n");
        if (end == std::string_view::npos) {
            if (text.size() >= limits_.max_header_bytes + 4) {
                Fail(number, "头部超过 " + std::to_string(limits_.max_header_bytes) + " 字节",
                     "the headers exceed " + std::to_string(limits_.max_header_bytes) + " bytes");
            }
            Fail(number, "头部后缺少空行", "the headers are not followed by an empty line");
        }
        if (end > limits_.max_header_bytes) {
            Fail(number, "头部超过 " + std::to_string(limits_.max_header_bytes) + " 字节",
                 "the headers exceed " + std::to_string(limits_.max_header_bytes) + " bytes");
        }
        headers = text.substr(0, end);
        data = text.substr(end + 4);
    }

    Part part;
    part.data = data;
    bool has_disposition = false;
    bool has_type = false;
    // Checked before any line is read, so a folded header is reported as such and not as its first half.
    if (headers.find("\r\n ") != std::string_view::npos || headers.find("\r\n\t") != std::string_view::npos) {
        Fail(number, "不支持折行的头部", "folded header lines are not supported");
    }
    while (!headers.empty()) {
        const std::size_t line_end = headers.find(kCrLf);
        ReadHeader(headers.substr(0, line_end), number, part, has_disposition, has_type);
        if (line_end == std::string_view::npos) break;
        headers.remove_prefix(line_end + kCrLf.size());
        if (headers.empty()) Fail(number, "头部中有空行", "an empty line inside the headers");
    }
    if (!has_disposition)
        Fail(number, "缺少 Content-Disposition 头", "the Content-Disposition header is missing");
    return part;
}

void Parser::ReadHeader(std::string_view line, std::size_t number, Part& part, bool& has_disposition,
                        bool& has_type) {
    if (line.empty() || line.front() == ' ' || line.front() == '\t') {
        Fail(number, "不支持折行的头部", "folded header lines are not supported");
    }
    // A lone CR or LF (or a NUL) would end the line for some parsers and not for others.
    for (const char c : line) {
        if (c == '\r' || c == '\n' || c == '\0')
            Fail(number, "头部含有控制字符", "a header contains a line break or NUL");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) {
        Fail(number, "头部格式有误", "a header line is not `Name: value`");
    }
    const std::string name = text::ToLowerAscii(line.substr(0, colon));
    const std::string_view value = TrimSpaces(line.substr(colon + 1));
    if (name == "content-disposition") {
        if (has_disposition) Fail(number, "Content-Disposition 头重复", "Content-Disposition appears twice");
        has_disposition = true;
        ReadDisposition(value, number, part);
    } else if (name == "content-type") {
        if (has_type) Fail(number, "Content-Type 头重复", "Content-Type appears twice");
        has_type = true;
        const auto parsed = ParseHeaderValue(value);
        const std::string_view media_type = parsed ? parsed->first : std::string_view();
        const std::size_t slash = media_type.find('/');
        if (!parsed || slash == std::string_view::npos || !IsToken(media_type.substr(0, slash)) ||
            !IsToken(media_type.substr(slash + 1))) {
            Fail(number, "Content-Type 头格式有误", "the Content-Type header is malformed");
        }
        part.content_type = text::ToLowerAscii(media_type);
    } else if (name == "content-transfer-encoding") {
        // RFC 7578 §4.7 forbids it; a base64 part would otherwise be taken as its encoded text.
        const std::string encoding = text::ToLowerAscii(value);
        if (encoding != "7bit" && encoding != "8bit" && encoding != "binary") {
            Fail(number, "不支持的 Content-Transfer-Encoding", "unsupported Content-Transfer-Encoding");
        }
    }
    // Other headers are allowed and ignored (RFC 7578 §4.8).
}

void Parser::ReadDisposition(std::string_view value, std::size_t number, Part& part) {
    const auto parsed = ParseHeaderValue(value);
    if (!parsed)
        Fail(number, "Content-Disposition 头格式有误", "the Content-Disposition header is malformed");
    if (text::ToLowerAscii(parsed->first) != "form-data") {
        Fail(number, "Content-Disposition 须为 form-data", "Content-Disposition must be form-data");
    }
    const Parameters& parameters = parsed->second;
    const std::string* name = FindParameter(parameters, "name");
    if (!name || name->empty()) Fail(number, "缺少字段名（name）", "the field name (name) is missing");
    if (name->size() > limits_.max_name_bytes || !text::IsValidUtf8(*name) || HasControlCharacter(*name)) {
        Fail(number, "字段名须为不超过 " + std::to_string(limits_.max_name_bytes) + " 字节的有效文本",
             "the field name must be valid text of at most " + std::to_string(limits_.max_name_bytes) +
                 " bytes");
    }
    part.name = *name;

    std::optional<std::string> filename;
    if (const std::string* extended = FindParameter(parameters, "filename*")) {
        // RFC 8187 ext-value: charset'language'percent-encoded. Only UTF-8 is accepted (RFC 8187 §3.2.1
        // requires receivers to support it; nobody sends ISO-8859-1 file names any more).
        const std::size_t first = extended->find('\'');
        const std::size_t second =
            first == std::string::npos ? std::string::npos : extended->find('\'', first + 1);
        std::optional<std::string> decoded;
        if (second != std::string::npos && text::ToLowerAscii(extended->substr(0, first)) == "utf-8") {
            decoded = PercentDecode(std::string_view(*extended).substr(second + 1), false);
        }
        if (!decoded) Fail(number, "filename* 须为 UTF-8''…", "filename* must be UTF-8''…");
        filename = std::move(decoded);
    } else if (const std::string* plain = FindParameter(parameters, "filename")) {
        filename = *plain;
    }
    if (filename) {
        const std::size_t separator = filename->find_last_of("/\\");
        if (separator != std::string::npos) filename->erase(0, separator + 1);
        if (filename->size() > limits_.max_filename_bytes || !text::IsValidUtf8(*filename) ||
            HasControlCharacter(*filename)) {
            Fail(number,
                 "文件名须为不超过 " + std::to_string(limits_.max_filename_bytes) + " 字节的有效 UTF-8 文本",
                 "the file name must be valid UTF-8 of at most " +
                     std::to_string(limits_.max_filename_bytes) + " bytes");
        }
        part.filename = std::move(filename);
    }
}

void Parser::CheckPart(const Part& part) {
    // A repeated text field would be read as its first value here and as its last by other code (and
    // frameworks disagree); refusing it keeps one meaning. Files may repeat: <input type="file" multiple>.
    if (text_names_.count(part.name) > 0 || (!part.IsFile() && names_.count(part.name) > 0)) {
        throw Error::InvalidField(part.name, {"重复出现", "appears more than once"});
    }
    names_.insert(part.name);
    if (part.IsFile()) return;
    text_names_.insert(part.name);
    if (part.data.size() > limits_.max_text_bytes) {
        throw Error::InvalidField(part.name,
                                  {"不超过 " + std::to_string(limits_.max_text_bytes) + " 字节",
                                   "must be at most " + std::to_string(limits_.max_text_bytes) + " bytes"});
    }
    // As for JSON text (http/json.cpp): a NUL would reach PostgreSQL cut short.
    if (!text::IsValidUtf8(part.data) || part.data.find('\0') != std::string_view::npos) {
        throw Error::InvalidField(part.name, {"含有无效字符", "contains invalid characters"});
    }
}

}  // namespace

namespace {
bool IsValidBoundary(std::string_view boundary) {
    bool valid = !boundary.empty() && boundary.size() <= 70 && boundary.back() != ' ';
    for (const char c : boundary) valid = valid && IsBoundaryChar(c);
    return valid;
}

[[noreturn]] void FailBoundary() {
    FailContentType("boundary 须为 1–70 个字母、数字或 '()+_,-./:=? 字符",
                    "the boundary must be 1–70 letters, digits or '()+_,-./:=? characters");
}
}  // namespace

std::string BoundaryFromContentType(std::string_view content_type) {
    const auto parsed = ParseHeaderValue(content_type);
    if (!parsed || text::ToLowerAscii(parsed->first) != "multipart/form-data") {
        FailContentType("须为 multipart/form-data", "it must be multipart/form-data");
    }
    const std::string* boundary = FindParameter(parsed->second, "boundary");
    if (!boundary) FailContentType("缺少 boundary 参数", "the boundary parameter is missing");
    if (!IsValidBoundary(*boundary)) FailBoundary();
    return *boundary;
}

std::vector<Part> Parse(std::string_view body, std::string_view boundary, const Limits& limits) {
    if (!IsValidBoundary(boundary)) FailBoundary();
    return Parser(body, boundary, limits).Run();
}

std::vector<Part> ParseForm(std::string_view body, std::string_view content_type, const Limits& limits) {
    return Parse(body, BoundaryFromContentType(content_type), limits);
}

const Part* FindPart(const std::vector<Part>& parts, std::string_view name) {
    for (const Part& part : parts)
        if (part.name == name) return &part;
    return nullptr;
}

}  // namespace app::http::multipart
