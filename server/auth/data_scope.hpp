#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/principal.hpp"

namespace app::auth {

// Materialised organisation paths are "/" + 8-digit id per level, e.g. "/00000001/00000042". The subtree of
// P (P included) is every path in [P, P + "0"): '/' sorts just below '0', and segments have fixed width, so
// this is a plain B-tree range on both databases.
std::string PathSegment(std::int64_t organisation_id);
std::string SubtreeUpperBound(const std::string& path);

// [lower, upper) of the organisation paths a principal may see: the subtree of their organisation, or for a
// SELF scope their own organisation only (no child path sorts below P + "/").
std::pair<std::string, std::string> ScopeRange(const Principal& principal);

// The id of the parent of the organisation at the end of a path ("/00000001/00000007" → 1); nullopt for a
// root.
std::optional<std::int64_t> ParentOrganisationId(const std::string& path);

// Whether an organisation (by its path) lies in the principal's subtree.
bool PathInSubtree(const std::string& path, const std::string& subtree_root_path);

}  // namespace app::auth
