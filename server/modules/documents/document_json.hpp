#pragma once

#include <boost/json/object.hpp>

#include "documents/document.hpp"
#include "http/message.hpp"

namespace app::documents {

boost::json::object DocumentToJson(const Document& document);  // list rows and the detail
boost::json::object HazardToJson(const DocumentHazard& hazard);

DocumentInput ReadDocumentInput(const boost::json::object& body);
DocumentFilter ReadDocumentFilter(const http::Request& request);
ServeInput ReadServeInput(const boost::json::object& body);
ReviewInput ReadReviewInput(const boost::json::object& body);
ReplyInput ReadReplyInput(const boost::json::object& body);

// What the enterprise's reply page sees: the document as printed and its hazards, nothing internal.
boost::json::object PublicDocumentToJson(const Document& document, std::int64_t link_expires_at);

}  // namespace app::documents
