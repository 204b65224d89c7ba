#include "util/csv.hpp"

namespace util {

namespace {

// Reads records one at a time, keeping count of physical lines for error messages.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // The next record into `fields` and the line it starts on; false at the end of the text.
  bool next(std::vector<std::string>& fields, std::size_t& started_on) {
    while (!done() && at_line_end()) skip_line_end();
    if (done()) return false;
    fields.clear();
    started_on = line_;
    while (true) {
      fields.push_back(!done() && text_[pos_] == '"' ? quoted_field() : plain_field());
      if (done()) return true;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      skip_line_end();
      return true;
    }
  }

 private:
  bool done() const { return pos_ >= text_.size(); }
  bool at_line_end() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skip_line_end() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  std::string plain_field() {
    const std::size_t start = pos_;
    while (!done() && text_[pos_] != ',' && !at_line_end()) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string quoted_field() {
    const std::size_t opened_on = line_;
    ++pos_;  // the opening quote
    std::string field;
    while (true) {
      if (done()) throw CsvError(opened_on, "a quoted field is not closed (its closing quote is missing)");
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      // A CRLF inside quotes is one line break; a lone CR counts as one too.
      if (c == '\n' || (c == '\r' && !(pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))) ++line_;
      field += c;
      ++pos_;
    }
    if (!done() && text_[pos_] != ',' && !at_line_end()) {
      throw CsvError(line_, "text after the closing quote of a field (a quote inside a quoted field is written \"\")");
    }
    return field;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

bool needs_quotes(const std::string& field) { return field.find_first_of(",\"\r\n") != std::string::npos; }

}  // namespace

CsvError::CsvError(std::size_t line, const std::string& problem)
    : std::runtime_error("line " + std::to_string(line) + ": " + problem), line_(line) {}

CsvTable parse_csv(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  CsvTable table;
  CsvReader reader(text);
  std::vector<std::string> fields;
  std::size_t line = 0;
  if (!reader.next(fields, line)) return table;
  table.header = fields;
  while (reader.next(fields, line)) {
    if (fields.size() != table.header.size()) {
      throw CsvError(line, std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") +
                               " where the header has " + std::to_string(table.header.size()));
    }
    table.rows.push_back(std::move(fields));
  }
  return table;
}

std::string format_csv_record(const std::vector<std::string>& fields) {
  // A record of one empty field would be a blank line, which readers skip.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    if (!needs_quotes(fields[i])) {
      out += fields[i];
      continue;
    }
    out += '"';
    for (char c : fields[i]) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += '\n';
  return out;
}

}  // namespace util
