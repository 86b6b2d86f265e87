#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace app::http {

using XlsxCell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct XlsxTable {
    std::string sheet_name;
    std::vector<std::string> headers;
    std::vector<double> column_widths;  // characters; empty means a default width
    std::vector<std::vector<XlsxCell>> rows;
};

// Builds an .xlsx workbook with libxlsxwriter in constant-memory mode (rows are streamed to a temporary
// file, so memory stays flat for large exports) and returns its bytes.
std::string BuildXlsx(const XlsxTable& table);

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace app::http
