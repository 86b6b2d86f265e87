#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/principal.hpp"
#include "db/session.hpp"
#include "documents/document.hpp"

// Reading and small writing helpers shared by the document services (not used outside this module).
namespace app::documents::detail {

// The SELECT of a document row (joined with its issuing union and enterprise; table aliases d, o, e) and its
// reader.
std::string_view SelectDocuments();
Document ReadDocument(const db::Row& row);

// A document by id, whatever the caller's scope (the services check it), without its hazards and files.
std::optional<Document> FindDocument(db::Session& session, std::int64_t id);
// The same, or nullopt when its issuing union lies outside the principal's scope.
std::optional<Document> FindInScope(db::Session& session, const Principal& principal, std::int64_t id);
// Adds the linked hazards, the files and the newest reply link.
void LoadDetail(db::Session& session, Document& document, std::int64_t now);
std::vector<DocumentHazard> LinkedHazards(db::Session& session, std::int64_t document_id);

// The document as JSON text for audit records.
std::string AuditJson(const Document& document);

// Marks unused, unrevoked reply links of a document revoked. Returns how many.
std::int64_t RevokeLinks(db::Session& session, std::int64_t document_id, std::int64_t now);

// Organisation ids of the issuing union's parent (for escalations), empty at the root.
std::optional<std::int64_t> ParentOf(db::Session& session, std::int64_t organisation_id);

std::string Today(std::int64_t now);

}  // namespace app::documents::detail
