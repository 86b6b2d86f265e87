#include "http/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace app::http {

std::string BuildXlsx(const XlsxTable& table) {
    std::string path_template = (std::filesystem::temp_directory_path() / "ankang-export-XXXXXX").string();
    const int descriptor = mkstemp(path_template.data());
    if (descriptor < 0) throw std::runtime_error("cannot create a temporary file for the export");
    close(descriptor);
    const std::string path = path_template;
    struct Remover {
        std::string path;
        ~Remover() { std::filesystem::remove(path); }
    } remover{path};

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
    if (!workbook) throw std::runtime_error("libxlsxwriter could not start a workbook");
    lxw_worksheet* sheet =
        workbook_add_worksheet(workbook, table.sheet_name.empty() ? nullptr : table.sheet_name.c_str());
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);

    for (std::size_t column = 0; column < table.headers.size(); ++column) {
        const double width = column < table.column_widths.size() ? table.column_widths[column] : 16;
        worksheet_set_column(sheet, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column), width,
                             nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t column = 0; column < table.headers.size(); ++column) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), table.headers[column].c_str(), bold);
    }
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const auto sheet_row = static_cast<lxw_row_t>(row + 1);
        for (std::size_t column = 0; column < table.rows[row].size(); ++column) {
            const auto sheet_column = static_cast<lxw_col_t>(column);
            const XlsxCell& cell = table.rows[row][column];
            if (const auto* text = std::get_if<std::string>(&cell)) {
                worksheet_write_string(sheet, sheet_row, sheet_column, text->c_str(), nullptr);
            } else if (const auto* integer = std::get_if<std::int64_t>(&cell)) {
                worksheet_write_number(sheet, sheet_row, sheet_column, static_cast<double>(*integer),
                                       nullptr);
            } else if (const auto* real = std::get_if<double>(&cell)) {
                worksheet_write_number(sheet, sheet_row, sheet_column, *real, nullptr);
            }
        }
    }
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(error));

    std::ifstream stream(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << stream.rdbuf();
    return bytes.str();
}

}  // namespace app::http
