#pragma once

#include "documents/document_service.hpp"
#include "documents/reply_service.hpp"
#include "files/file_service.hpp"
#include "http/router.hpp"

namespace app::documents {

// /api/v1/documents… (supervision:document:view / manage / sign, declared here) and the public reply routes
// /api/v1/public/document-replies/{token}… (no account; the token is the only credential).
// Evidence photos uploaded through a link go through `files` (same checks as POST /files) and are served back
// to the page under /public/document-replies/{token}/files/{fileId}[/thumbnail].
void RegisterDocumentRoutes(http::Router& router, DocumentService& documents, ReplyService& replies,
                            files::FileService& files);

}  // namespace app::documents
