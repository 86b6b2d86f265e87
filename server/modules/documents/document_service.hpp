#pragma once

#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "documents/document.hpp"
#include "rules/rules_service.hpp"

namespace app::documents {

// Union documents (工会监督文书) of issuing unions in the caller's scope (out of scope: 404), and workflow W4
// (documents/document_rules.hpp): an action W4 does not allow answers 409 and changes nothing. Issuing takes
// the next serial of the issuing union and year in the same transaction (no gaps, no duplicates, ADR 0010);
// serving moves every linked hazard to NOTIFIED through hazards::ApplyExternalEvent. Every write is audited
// and opens or closes the to-dos it settles (SIGN_DOCUMENT, SERVE_DOCUMENT, REVIEW_REPLY, ESCALATE_DOCUMENT).
// Thread-safe.
class DocumentService {
public:
    DocumentService(db::Database& database, const Clock& clock, const rules::RulesService& rules)
        : database_(database), clock_(clock), rules_(rules) {}

    Page<Document> List(const RequestContext& context, const DocumentFilter& filter, PageRequest page) const;
    std::vector<Document> ListForExport(const RequestContext& context, const DocumentFilter& filter) const;
    // With hazards, files and the newest reply link.
    Document Get(const RequestContext& context, std::int64_t id) const;

    Document Create(const RequestContext& context, const DocumentInput& input);
    Document Update(const RequestContext& context, std::int64_t id, const DocumentInput& input);

    // DRAFT → ISSUED: assigns the number. A reply deadline that came from the rule set is counted again from
    // the day of issue (the day the enterprise's clock starts); one set by hand stays.
    Document Issue(const RequestContext& context, std::int64_t id, const std::string& signed_by);
    Document Serve(const RequestContext& context, std::int64_t id, const ServeInput& input);
    Document Review(const RequestContext& context, std::int64_t id, const ReviewInput& input);
    Document Refuse(const RequestContext& context, std::int64_t id, const std::string& note);
    Document Escalate(const RequestContext& context, std::int64_t id, const std::string& note);
    Document Withdraw(const RequestContext& context, std::int64_t id, const std::string& reason);

    // SERVED only. Revokes earlier links; the token is returned once and only its SHA-256 is stored. Expires
    // after `expires_in_hours` (default 30 days), never later than the reply deadline + 30 days.
    NewReplyLink CreateReplyLink(const RequestContext& context, std::int64_t id,
                                 std::optional<std::int64_t> expires_in_hours);

    static constexpr std::int64_t kExportLimit = 100'000;
    static constexpr std::int64_t kDefaultLinkHours = 30 * 24;

private:
    // The default reply deadline of a type for an issuing organisation, counted from `from` (YYYY-MM-DD).
    rules::Deadline DefaultReplyDue(const RequestContext& context, std::int64_t organisation_id,
                                    const std::string& document_type, const std::string& from) const;

    db::Database& database_;
    const Clock& clock_;
    const rules::RulesService& rules_;
};

}  // namespace app::documents
