// TEMPORARY until the hazards branch lands hazards::ApplyExternalEvent: remove on merge.
#include "hazards/hazard_events_api.hpp"

namespace app::hazards {

void ApplyExternalEvent(db::Session& session, const RequestContext&, std::int64_t hazard_id,
                        const ExternalEvent& event, EpochMillis now) {
    const std::string to = event.event == "NOTIFY"               ? "NOTIFIED"
                           : event.event == "ENTERPRISE_ACCEPT"  ? "RECTIFYING"
                           : event.event == "ENTERPRISE_DISPUTE" ? "DISPUTED"
                           : event.event == "REPORT_RECTIFIED"   ? "PENDING_VERIFICATION"
                                                                 : "";
    session.Execute("UPDATE hazards SET status = $1, status_changed_at = $2 WHERE id = $3", to, now,
                    hazard_id);
}

}  // namespace app::hazards
