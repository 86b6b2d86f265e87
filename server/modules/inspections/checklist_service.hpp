#pragma once

#include <optional>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "inspections/inspections.hpp"

namespace app::inspections {

// Checklist templates and their versions (ADR 0011). Thread-safe.
//
// Visibility: the provincial library (organisation_id NULL), the templates of organisations in the caller's
// subtree and those of the caller's ancestors (they are offered to the caller, as rule sets are). Anything
// else is 404. Changing needs supervision:checklist:manage and the template in the caller's subtree; the
// library changes only for callers at a root organisation with a subtree scope. A visible template the caller
// may not change answers 403.
//
// Versions: a version is a DRAFT until published, then immutable (the database refuses any change to a
// published version, its sections and its items). Saving a draft creates the next version when there is no
// draft yet; publishing makes it the template's current version. Every change is audited.
class ChecklistService {
public:
    ChecklistService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    Page<ChecklistTemplate> List(const RequestContext& context, const ChecklistFilter& filter,
                                 PageRequest page) const;
    // With the current published version, the draft (if any) and the list of versions.
    ChecklistTemplate Get(const RequestContext& context, std::int64_t id) const;
    ChecklistVersion GetVersion(const RequestContext& context, std::int64_t id, std::int64_t version) const;

    ChecklistTemplate Create(const RequestContext& context, const TemplateInput& input);
    ChecklistTemplate Update(const RequestContext& context, std::int64_t id, const TemplateUpdate& input);
    // Copies a template's current published version into an organisation in scope: the copy starts at
    // version 1, published, and remembers where it came from.
    ChecklistTemplate Copy(const RequestContext& context, std::int64_t id, const CopyInput& input);
    ChecklistTemplate SaveDraft(const RequestContext& context, std::int64_t id, const DraftInput& input);
    ChecklistTemplate Publish(const RequestContext& context, std::int64_t id);

    // For the inspection service: a template the caller may see, and a version's content.
    static std::optional<ChecklistTemplate> FindVisible(db::Session& session, const Principal& principal,
                                                        std::int64_t id);
    static std::optional<ChecklistVersion> LoadVersion(db::Session& session, std::int64_t version_id);

    static constexpr std::size_t kMaxSections = 50;
    static constexpr std::size_t kMaxItems = 500;

private:
    db::Database& database_;
    const Clock& clock_;
};

// Checks sections and items, naming fields like sections[0].items[2].code. Throws Error::InvalidInput.
void ValidateSections(const std::vector<ChecklistSection>& sections);

}  // namespace app::inspections
