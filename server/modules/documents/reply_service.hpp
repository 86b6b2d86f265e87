#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "documents/document.hpp"
#include "files/file_service.hpp"

namespace app::documents {

// What a reply link opens: its document (with the hazards it names) and until when the link is good.
struct PublicReplyView {
    Document document;
    std::int64_t expires_at = 0;
};

// Where evidence uploaded through a link goes: the document, and the issuing union that owns the files.
struct ReplyTarget {
    std::int64_t link_id = 0;
    std::int64_t document_id = 0;
    std::int64_t organisation_id = 0;
};

// The enterprise's side of a served document, reached with the token of a reply link and nothing else (no
// account, no session). A token is hashed and looked up once by its hash, whatever its form, so an unknown
// token costs what a wrong one does: unknown → 404; expired, used or revoked → 410 naming which. A link opens
// its own document only, and is good for one reply. Thread-safe.
class ReplyService {
public:
    ReplyService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    PublicReplyView View(const std::string& token) const;
    // The link's document and issuing union, after the same checks as View (for the evidence upload).
    ReplyTarget Target(const std::string& token) const;
    // Records an uploaded file as this document's reply evidence: only such files may be cited by the reply.
    void AddEvidence(const RequestContext& context, const std::string& token, std::int64_t file_id);
    // An evidence photo prepared by files::FileService::PrepareUpload (outside any transaction): stored for
    // the issuing union (uploaded_by NULL) and recorded as this document's reply evidence, in one
    // transaction.
    files::FileRecord UploadEvidence(const RequestContext& context, const std::string& token,
                                     const files::PreparedFile& prepared);
    // A file uploaded through this link's document (reply evidence), for the page to show; else 404.
    files::FileRecord Evidence(const std::string& token, std::int64_t file_id) const;
    // The reply: the document becomes REPLIED, the link is used up, each linked hazard takes the matching W2
    // event (ENTERPRISE_ACCEPT, REPORT_RECTIFIED, ENTERPRISE_DISPUTE), the issuing union gets the
    // REVIEW_REPLY to-do and a DOCUMENT_REPLIED notification — all in one transaction.
    Document Reply(const RequestContext& context, const std::string& token, const ReplyInput& input);

    static constexpr std::int64_t kMaxEvidenceFiles = 20;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::documents
