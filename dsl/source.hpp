// A source file held in memory, and locations inside it.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::dsl {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // 1-based line and column (in bytes) of a byte offset.
  std::size_t line_of(std::size_t offset) const;
  std::size_t column_of(std::size_t offset) const;
  // The text of a 1-based line, without its newline.
  std::string_view line_text(std::size_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// A range in one source file: where a design object or a diagnostic comes from.
struct SourceLoc {
  std::shared_ptr<const SourceFile> file;
  std::size_t offset = 0;
  std::size_t length = 0;

  bool valid() const { return file != nullptr; }
  std::size_t line() const { return file ? file->line_of(offset) : 0; }
  std::size_t column() const { return file ? file->column_of(offset) : 0; }
  // "path:line:col"
  std::string str() const;
};

}  // namespace faultline::dsl
