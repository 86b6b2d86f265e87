#pragma once

#include <string>
#include <string_view>

#include "documents/document.hpp"

namespace app::documents {

// The print view of a document (GET /documents/{id}/print): one self-contained HTML page, A4 with the
// official layout — the issuing union's red head and the document type, the number line, the addressee, the
// body, the hazards table, the requested actions, the reply deadline, the union and date bottom right over a
// seal placeholder — and the receipt stub (送达回执) on a second page. A draft carries a 草稿 watermark.
// Every user text is escaped; the page has no script (the route sends a CSP forbidding any).
std::string RenderPrintHtml(const Document& document);

// The print route's Content-Security-Policy: styles inline, nothing else, no script.
inline constexpr const char* kPrintContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'";

}  // namespace app::documents
