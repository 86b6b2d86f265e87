#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

// W3, the worker report's lifecycle (ADR 0012), as a pure table, plus the field rules both sides share.
namespace app::reports {

enum class ReportEventKind { kAcknowledge, kAccept, kMerge, kReject };

std::optional<ReportEventKind> ParseEvent(std::string_view name);
std::string_view EventName(ReportEventKind event);

// The status after `event` from `status`, or nullopt when W3 does not allow it:
//   SUBMITTED → UNDER_REVIEW (ACKNOWLEDGE);
//   SUBMITTED, UNDER_REVIEW → ACCEPTED (ACCEPT) | DUPLICATE (MERGE) | REJECTED (REJECT).
std::optional<std::string> NextStatus(std::string_view status, ReportEventKind event);

bool IsStatus(std::string_view status);
bool IsAnonymity(std::string_view anonymity);
// An 11-digit mainland mobile number: 1[3-9] and nine more digits.
bool IsMobileNumber(std::string_view phone);

LocalizedText StatusLabel(std::string_view status);
LocalizedText EventLabel(std::string_view event);

// What the worker is told about their case: the status, and once a linked hazard is closed, RESOLVED.
std::string WorkerFacingStatus(std::string_view status, std::string_view hazard_status);

// The staff's reference of a report: JB<year of `at`, Asia/Shanghai><6-digit id> (not the receipt).
std::string ReportCode(std::int64_t id, std::int64_t at);

// An instant truncated to the start of its hour: the finest time stored for what an anonymous worker does.
std::int64_t TruncateToHour(std::int64_t epoch_millis);

}  // namespace app::reports
