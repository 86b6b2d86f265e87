#pragma once

#include <cstdint>
#include <vector>

namespace app {

struct PageRequest {
    std::int64_t page = 1;        // 1-based
    std::int64_t page_size = 20;  // 1..kMaxPageSize

    static constexpr std::int64_t kMaxPageSize = 500;
    std::int64_t Offset() const { return (page - 1) * page_size; }
};

template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;
};

}  // namespace app
