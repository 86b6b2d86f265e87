#pragma once

#include <functional>

#include "documents/document_service.hpp"
#include "documents/reply_service.hpp"
#include "http/router.hpp"

namespace app::documents {

// Handles POST /public/document-replies/{token}/files (the evidence upload through a reply link); empty: the
// route is not offered.
using ReplyUploads = std::function<http::Response(http::Request&, ReplyService&)>;

// /api/v1/documents… (supervision:document:view / manage / sign, declared here) and the public reply routes
// /api/v1/public/document-replies/{token}… (no account; the token is the only credential).
void RegisterDocumentRoutes(http::Router& router, DocumentService& documents, ReplyService& replies,
                            ReplyUploads uploads = {});

}  // namespace app::documents
