#pragma once
// CSV as RFC 4180 writes it: a header record, then records of the same number of fields,
// separated by commas, ended by CRLF or LF. A field may be quoted; inside quotes commas, line
// breaks and doubled quotes ("") are data. Also accepted: a UTF-8 byte order mark, a last
// record without a line end, a lone CR as a line end, and a quote inside an unquoted field
// (kept as data). Blank lines are skipped.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace util {

class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& problem);
  std::size_t line() const { return line_; }  // 1-based, counting line breaks inside quoted fields

 private:
  std::size_t line_;
};

struct CsvTable {
  std::vector<std::string> header;               // empty for an empty text
  std::vector<std::vector<std::string>> rows;    // each as long as the header
};

// Throws CsvError for a quoted field that is not closed, text after a closing quote, or a
// record whose number of fields differs from the header's (the message names the line).
CsvTable parse_csv(std::string_view text);

// One record as CSV text ending in LF; a field with a comma, quote or line break is quoted.
std::string format_csv_record(const std::vector<std::string>& fields);

}  // namespace util
