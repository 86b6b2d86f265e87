#include "system/dictionary_service.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>

#include "auth/audit.hpp"
#include "db/duplicate_value.hpp"
#include "http/json.hpp"

namespace app::system {
namespace {

constexpr std::string_view kItemColumns =
    "SELECT id, dict_code, code, label, label_en, sort_order, enabled FROM dictionary_items";

DictionaryItem ReadItem(const db::Row& row) {
    return {row.GetInt64(0),  row.GetString(1), row.GetString(2), row.GetString(3),
            row.GetString(4), row.GetInt64(5),  row.GetBool(6)};
}

std::optional<DictionaryItem> FindItem(db::Session& session, std::int64_t id) {
    const db::Result rows = session.Query(std::string(kItemColumns) + " WHERE id = $1", id);
    if (rows.Empty()) return std::nullopt;
    return ReadItem(rows.Front());
}

std::string AuditJson(const DictionaryItem& item) {
    return http::Serialize(boost::json::object{{"dictCode", item.dict_code},
                                               {"code", item.code},
                                               {"label", item.label},
                                               {"labelEn", item.label_en},
                                               {"sortOrder", item.sort_order},
                                               {"enabled", item.enabled}});
}

}  // namespace

std::vector<Dictionary> DictionaryService::ListDictionaries() const {
    return database_.Read([](db::Session& session) {
        std::vector<Dictionary> result;
        const db::Result rows = session.Query(
            "SELECT d.code, d.name, d.name_en, (SELECT COUNT(*) FROM dictionary_items i WHERE i.dict_code = "
            "d.code) "
            "FROM dictionaries d ORDER BY d.code");
        for (const db::Row row : rows)
            result.push_back({row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt64(3)});
        return result;
    });
}

std::vector<DictionaryItem> DictionaryService::Items(const std::string& dict_code) const {
    return database_.Read([&](db::Session& session) {
        if (session.Query("SELECT 1 FROM dictionaries WHERE code = $1", dict_code).Empty()) {
            throw Error::NotFound("dictionary");
        }
        std::vector<DictionaryItem> items;
        const db::Result rows = session.Query(
            std::string(kItemColumns) + " WHERE dict_code = $1 ORDER BY sort_order, id", dict_code);
        for (const db::Row row : rows) items.push_back(ReadItem(row));
        return items;
    });
}

DictionaryItem DictionaryService::CreateItem(const RequestContext& context, const DictionaryItem& item) {
    const bool code_ok = !item.code.empty() && item.code.size() <= 32 &&
                         std::all_of(item.code.begin(), item.code.end(), [](char c) {
                             return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                         });
    if (!code_ok) {
        throw Error::InvalidField(
            "code", {"编码须为 1–32 位字母、数字或下划线", "Code must be 1–32 letters, digits or '_'"});
    }
    const std::int64_t now = clock_.Now();
    try {
        return database_.Write([&](db::Session& session) {
            if (session.Query("SELECT 1 FROM dictionaries WHERE code = $1", item.dict_code).Empty()) {
                throw Error::NotFound("dictionary");
            }
            const std::int64_t id =
                session
                    .Query(
                        "INSERT INTO dictionary_items (dict_code, code, label, label_en, sort_order, "
                        "enabled, created_at, "
                        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                        item.dict_code, item.code, item.label, item.label_en, item.sort_order, item.enabled,
                        now)
                    .Front()
                    .GetInt64(0);
            DictionaryItem created = *FindItem(session, id);
            auth::RecordAudit(
                session, context,
                {"create", "dictionary_item", std::to_string(id), std::nullopt, AuditJson(created), {}}, now);
            return created;
        });
    } catch (const db::ConstraintViolation& violation) {
        if (violation.GetKind() == db::ConstraintViolation::Kind::kUnique) {
            throw db::DuplicateValue(violation, "code",
                                     {"该字典中已有此编码", "This code already exists in the dictionary"});
        }
        throw;
    }
}

DictionaryItem DictionaryService::UpdateItem(const RequestContext& context, std::int64_t id,
                                             const DictionaryItem& changes) {
    const std::int64_t now = clock_.Now();
    return database_.Write([&](db::Session& session) {
        const auto before = FindItem(session, id);
        if (!before) throw Error::NotFound("dictionary item");
        session.Execute(
            "UPDATE dictionary_items SET label = $1, label_en = $2, sort_order = $3, enabled = $4, "
            "updated_at = $5 WHERE id = $6",
            changes.label, changes.label_en, changes.sort_order, changes.enabled, now, id);
        DictionaryItem after = *FindItem(session, id);
        auth::RecordAudit(
            session, context,
            {"update", "dictionary_item", std::to_string(id), AuditJson(*before), AuditJson(after), {}}, now);
        return after;
    });
}

void DictionaryService::DeleteItem(const RequestContext& context, std::int64_t id) {
    const std::int64_t now = clock_.Now();
    database_.Write([&](db::Session& session) {
        const auto before = FindItem(session, id);
        if (!before) throw Error::NotFound("dictionary item");
        session.Execute("DELETE FROM dictionary_items WHERE id = $1", id);
        auth::RecordAudit(
            session, context,
            {"delete", "dictionary_item", std::to_string(id), AuditJson(*before), std::nullopt, {}}, now);
    });
}

}  // namespace app::system
