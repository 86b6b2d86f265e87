#include "core/content_sniff.hpp"

#include <array>
#include <string>

#include "core/text.hpp"

namespace app::content {

namespace {

bool StartsWith(std::string_view content, std::string_view signature) {
    return content.substr(0, signature.size()) == signature;
}

struct TypeInfo {
    FileType type;
    std::array<std::string_view, 3> media_types;  // the canonical one first, then aliases clients still send
    std::array<std::string_view, 4> extensions;   // empty entries are unused
};

constexpr std::array<TypeInfo, 6> kTypes{{
    {FileType::kJpeg, {"image/jpeg", "image/jpg", "image/pjpeg"}, {"jpg", "jpeg", "jpe", "jfif"}},
    {FileType::kPng, {"image/png", "image/x-png"}, {"png"}},
    {FileType::kWebp, {"image/webp"}, {"webp"}},
    {FileType::kGif, {"image/gif"}, {"gif"}},
    {FileType::kPdf, {"application/pdf", "application/x-pdf"}, {"pdf"}},
    {FileType::kHeic, {"image/heic", "image/heif", "image/heic-sequence"}, {"heic", "heif", "hif"}},
}};

// Major brands of HEIF still images (ISO/IEC 23008-12) as cameras write them.
constexpr std::array<std::string_view, 8> kHeifBrands{"heic", "heix", "heim", "heis",
                                                      "hevc", "hevx", "mif1", "msf1"};

const TypeInfo* InfoOf(FileType type) {
    for (const TypeInfo& info : kTypes)
        if (info.type == type) return &info;
    return nullptr;
}

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view value) {
    if (value.empty()) return false;
    for (std::string_view item : list)
        if (item == value) return true;
    return false;
}

}  // namespace

FileType Sniff(std::string_view content) {
    using namespace std::string_view_literals;
    if (StartsWith(content, "\xFF\xD8\xFF"sv)) return FileType::kJpeg;
    if (StartsWith(content, "\x89PNG\r\n\x1A\n"sv)) return FileType::kPng;
    if (StartsWith(content, "GIF87a"sv) || StartsWith(content, "GIF89a"sv)) return FileType::kGif;
    if (content.size() >= 12 && StartsWith(content, "RIFF"sv) && content.substr(8, 4) == "WEBP"sv) {
        return FileType::kWebp;
    }
    if (StartsWith(content, "%PDF-"sv)) return FileType::kPdf;
    // ISO-BMFF: a 4-byte box size, "ftyp", the major brand.
    if (content.size() >= 12 && content.substr(4, 4) == "ftyp"sv) {
        for (std::string_view brand : kHeifBrands)
            if (content.substr(8, 4) == brand) return FileType::kHeic;
    }
    return FileType::kUnknown;
}

std::string_view MediaType(FileType type) {
    const TypeInfo* info = InfoOf(type);
    return info ? info->media_types[0] : std::string_view("application/octet-stream");
}

bool DeclaredTypeAgrees(FileType actual, std::string_view declared_media_type, std::string_view filename) {
    const TypeInfo* info = InfoOf(actual);
    if (!info) return false;

    const std::string media_type =
        text::ToLowerAscii(text::Trim(declared_media_type.substr(0, declared_media_type.find(';'))));
    if (!media_type.empty() && media_type != "application/octet-stream" &&
        !Contains(info->media_types, media_type)) {
        return false;
    }

    const std::size_t dot = filename.rfind('.');
    if (dot == std::string_view::npos) return true;
    const std::string extension = text::ToLowerAscii(filename.substr(dot + 1));
    return Contains(info->extensions, extension);
}

}  // namespace app::content
