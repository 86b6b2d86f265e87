#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"

namespace app::system {

struct Dictionary {
    std::string code;
    std::string name;
    std::string name_en;
    std::int64_t item_count = 0;
};

struct DictionaryItem {
    std::int64_t id = 0;
    std::string dict_code;
    std::string code;  // stable: other records store it
    std::string label;
    std::string label_en;
    std::int64_t sort_order = 0;
    bool enabled = true;
};

// Admin-editable lists with stable codes (organisation types, size classes, ...). Labels change; codes do
// not, so an item's code cannot be edited after creation. Thread-safe.
class DictionaryService {
public:
    DictionaryService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    std::vector<Dictionary> ListDictionaries() const;
    std::vector<DictionaryItem> Items(const std::string& dict_code) const;  // 404 for an unknown dictionary
    DictionaryItem CreateItem(const RequestContext& context, const DictionaryItem& item);
    DictionaryItem UpdateItem(const RequestContext& context, std::int64_t id, const DictionaryItem& changes);
    void DeleteItem(const RequestContext& context, std::int64_t id);

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace app::system
