#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "inspections/inspections.hpp"

namespace app::inspections {

// Inspections (监督检查) and workflow W1 (inspections/inspection_workflow.hpp). Thread-safe.
//
// Scope: an inspection belongs to its organiser; callers see those whose organiser lies in their subtree
// (404 otherwise). The enterprise must lie in the organiser's subtree, the checklist must be visible to the
// caller and published (its current version is pinned at planning), and team inspectors must be appointed or
// active inspectors of the caller's subtree or of an ancestor of the organiser.
//
// W1: an event the workflow does not allow from the current status is 409 and changes nothing. START needs at
// least two appointed or active inspectors on site (409 naming inspectorIds otherwise); RECORD_FINDINGS needs
// every item answered, with a note where the item asks for one (FAIL or NA) and a photo where it asks for one
// (FAIL) — 400 naming answers[<code>].result / .note / .photoFileIds otherwise; ACKNOWLEDGE needs the
// enterprise signatory's name; REFUSE_SIGNATURE and CANCEL need a comment; CLOSE needs every hazard found by
// the inspection to be closed or rejected (409 otherwise). Every write is audited in its transaction and
// every transition recorded in inspection_events.
class InspectionService {
public:
    InspectionService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    Page<Inspection> List(const RequestContext& context, const InspectionFilter& filter,
                          PageRequest page) const;
    std::vector<Inspection> ListForExport(const RequestContext& context,
                                          const InspectionFilter& filter) const;
    // With the pinned checklist version, the answers, the hazards found and the history.
    Inspection Get(const RequestContext& context, std::int64_t id) const;
    Inspection Plan(const RequestContext& context, const PlanInput& input);
    // Saves some answers (IN_PROGRESS only): each names an item of the pinned version; an empty result clears
    // the item's answer. Saving the same answers twice changes nothing further.
    Inspection SaveAnswers(const RequestContext& context, std::int64_t id,
                           const std::vector<AnswerInput>& answers);
    Inspection Transition(const RequestContext& context, std::int64_t id, const TransitionInput& input);

    static constexpr std::int64_t kExportLimit = 100'000;
    static constexpr std::size_t kMaxPhotosPerItem = 9;

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::inspections
