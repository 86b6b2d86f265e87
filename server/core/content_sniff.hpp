#pragma once

#include <string_view>

// File types told from their content (magic bytes), never from what the client says. In core rather than
// http: it is std-only validation with no HTTP in it, and more than uploads will want it (an import read from
// disk, a re-encoding step checking what it got back).

namespace app::content {

enum class FileType { kUnknown, kJpeg, kPng, kWebp, kGif, kPdf, kHeic };

// The type the bytes start like: JPEG FF D8 FF; PNG 89 'PNG' CR LF 1A LF; GIF "GIF87a"/"GIF89a";
// WebP "RIFF" <size> "WEBP"; HEIC/HEIF an ISO-BMFF "ftyp" box first whose major brand is one of HEIF's
// (heic, heix, heim, heis, hevc, hevx, mif1, msf1 — what phone cameras write; AVIF's "avif" is not); PDF
// "%PDF-" at offset 0 (readers accept it later in the first 1 KB, but a file that is something else first —
// an HTML page, a script — is exactly what must not pass). Anything else, including text and empty content,
// is kUnknown. Only the signature is looked at: a file that starts right and is broken after it is for the
// decoder (libvips) to refuse.
FileType Sniff(std::string_view content);

// "image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", "image/heic";
// "application/octet-stream" for
// kUnknown.
std::string_view MediaType(FileType type);

// Whether what the client declared agrees with the content's real type. `declared_media_type` is the part's
// Content-Type (case-insensitive, parameters ignored); empty and application/octet-stream declare nothing
// (browsers send the latter for extensions they do not know). The extension of `filename` (after its last
// '.', case-insensitive) must be one of the type's (jpg/jpeg/jpe/jfif, png, webp, gif, pdf, heic/heif/hif); a
// name without an extension ("blob", which a page sends for a canvas-made image) declares nothing. Unknown
// content never agrees — so a shell script or HTML page renamed x.jpg does not — and neither does a PNG named
// x.jpg.
bool DeclaredTypeAgrees(FileType actual, std::string_view declared_media_type, std::string_view filename);

}  // namespace app::content
