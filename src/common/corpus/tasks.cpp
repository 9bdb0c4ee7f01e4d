#include "corpus/tasks.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "dsl/ctx.hpp"
#include "dsl/value_json.hpp"
#include "program/source_file.hpp"

namespace batt::corpus {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// The task arena is never reset and holds every grid of the corpus (ARC-AGI-2 is a few MB of
// grids); the cap only stops a runaway input from taking the machine down. Blocks are
// allocated as needed, so the cap costs nothing.
constexpr std::size_t kArenaCap = std::size_t{4} << 30;

constexpr std::string_view kChallenges = "_challenges.json";
constexpr std::string_view kSolutions = "_solutions.json";

// ---- locating a JSON path in the source text ----------------------------------------------
// nlohmann::json keeps no source positions, so a structural error is located by walking the
// text (which already parsed) along the same path. Only done on error, so it may be slow.

struct Step {
  std::string key;  // an object key, when is_key
  std::size_t index = 0;
  bool is_key = false;
};
using JsonPath = std::vector<Step>;

Step key(std::string k) {
  return {std::move(k), 0, true};
}
Step idx(std::size_t i) {
  return {{}, i, false};
}

// "train[2].output"
std::string path_text(const JsonPath& path) {
  std::string out;
  for (const Step& s : path) {
    if (s.is_key) {
      if (!out.empty()) out += '.';
      out += s.key;
    } else {
      out += '[' + std::to_string(s.index) + ']';
    }
  }
  return out;
}

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_ws(std::string_view t, std::size_t i) {
  while (i < t.size() && is_ws(t[i])) ++i;
  return i;
}

std::size_t skip_string(std::string_view t, std::size_t i) {  // t[i] == '"'
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') ++i;
  }
  return std::min(i + 1, t.size());
}

std::size_t skip_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] == '[' || t[i] == '{') {
    int depth = 0;
    while (i < t.size()) {
      const char c = t[i];
      if (c == '"') {
        i = skip_string(t, i);
        continue;
      }
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && --depth == 0) return i + 1;
      ++i;
    }
    return i;
  }
  while (i < t.size() && !is_ws(t[i]) && std::strchr(",]}", t[i]) == nullptr) ++i;
  return i;
}

// After a member or element: past the ',' that follows, if any. False at the closing bracket.
bool next_item(std::string_view t, std::size_t& i) {
  i = skip_ws(t, skip_value(t, i));
  if (i >= t.size() || t[i] != ',') return false;
  i = skip_ws(t, i + 1);
  return true;
}

// Byte offset of the value at `path`, or of the deepest enclosing value that exists (a missing
// key points at the object that lacks it). Object keys are compared as raw text, which is
// exact for the ids and field names used here (no escapes).
std::size_t locate(std::string_view t, const JsonPath& path) {
  std::size_t at = t.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // nlohmann skips a UTF-8 BOM too
  at = skip_ws(t, at);
  for (const Step& s : path) {
    std::size_t i = at;
    if (i >= t.size() || t[i] != (s.is_key ? '{' : '[')) return at;
    i = skip_ws(t, i + 1);
    bool found = false;
    if (s.is_key) {
      while (!found && i < t.size() && t[i] == '"') {
        const std::size_t end = skip_string(t, i);
        found = end - i >= 2 && t.substr(i + 1, end - i - 2) == s.key;
        i = skip_ws(t, end);
        if (i < t.size() && t[i] == ':') i = skip_ws(t, i + 1);
        if (!found && !next_item(t, i)) break;
      }
    } else {
      found = i < t.size() && t[i] != ']';
      for (std::size_t n = 0; found && n < s.index; ++n) found = next_item(t, i);
    }
    if (!found) return at;
    at = i;
  }
  return at;
}

// Line, column (1-based, in bytes, as editors and nlohmann count them) and source line of
// the byte at `off`.
struct Where {
  int line = 1;
  int col = 1;
  std::string_view source;
};

Where where(std::string_view t, std::size_t off) {
  off = std::min(off, t.size());
  const std::size_t nl = off == 0 ? std::string_view::npos : t.rfind('\n', off - 1);
  const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  std::size_t end = t.find('\n', start);
  if (end == std::string_view::npos) end = t.size();
  if (end > start && t[end - 1] == '\r') --end;
  Where w;
  w.line = 1 + static_cast<int>(
                   std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
  w.col = static_cast<int>(off - start) + 1;
  w.source = t.substr(start, end - start);
  return w;
}

void error_at(program::Diagnostics& diags, const std::string& file, std::string_view text,
              std::size_t off, std::string message) {
  const Where w = where(text, off);
  diags.error(file, w.line, w.col, std::move(message), w.source);
}

// ---- JSON parsing with located errors -----------------------------------------------------

std::optional<json> parse_json(std::string_view text, const std::string& file,
                               program::Diagnostics& diags) {
  try {
    return json::parse(text.data(), text.data() + text.size());
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based index of the last character read: the offending one, or one past
    // the end for a truncated file, which is shown just after the last non-blank character.
    std::size_t off = e.byte > 0 ? e.byte - 1 : 0;
    if (off >= text.size()) {
      off = text.size();
      while (off > 0 && is_ws(text[off - 1])) --off;
    }
    // what() is "[json.exception.parse_error.101] parse error at line 1, column 9: syntax
    // error ..."; the position is ours, so keep only the reason.
    std::string_view why = e.what();
    if (const auto p = why.find(": "); p != std::string_view::npos) why.remove_prefix(p + 2);
    error_at(diags, file, text, off, "malformed JSON: " + std::string(why));
  } catch (const json::exception& e) {
    // A number too large for a double (out_of_range.406 "number overflow parsing '1e999'")
    // carries no position: find the token in the text.
    std::string_view why = e.what();
    if (const auto p = why.find("] "); p != std::string_view::npos) why.remove_prefix(p + 2);
    std::size_t off = std::string_view::npos;
    if (const auto q = why.find('\''); q != std::string_view::npos) {
      const auto r = why.find('\'', q + 1);
      if (r != std::string_view::npos && r > q + 1) off = text.find(why.substr(q + 1, r - q - 1));
    }
    if (off == std::string_view::npos) {
      diags.error(file, 0, 0, "malformed JSON: " + std::string(why));
    } else {
      error_at(diags, file, text, off, "malformed JSON: " + std::string(why));
    }
  }
  return std::nullopt;
}

bool read_file(const std::string& path, std::string& text, program::Diagnostics& diags) {
  return program::read_source_file(path, kMaxTaskFileBytes, "a task file", diags, text);
}

// ---- tasks from parsed JSON ---------------------------------------------------------------

// Why `j` is not an ARC grid, and the row (and cell) at fault relative to the grid.
struct Problem {
  JsonPath at;
  std::string why;
};

// A short rendering of a bad value. Containers are only named: dump() recurses, and a
// hostile file may nest a million levels deep.
std::string shown(const json& j) {
  if (j.is_array()) return "a list";
  if (j.is_object()) return "an object";
  std::string s = j.dump();
  if (s.size() > 24) s = s.substr(0, 21) + "...";
  return s;
}

// Checked here rather than left to grid_from_arc_json so that the error can point at the row
// or cell and say what is wrong in a user's terms.
std::optional<Problem> grid_problem(const json& j) {
  if (!j.is_array()) return Problem{{}, "not a grid (a list of rows): " + shown(j)};
  if (j.empty()) return Problem{{}, "empty grid (no rows)"};
  if (j.size() > static_cast<std::size_t>(kMaxGridSide)) {
    return Problem{{},
                   std::to_string(j.size()) + " rows, more than " + std::to_string(kMaxGridSide)};
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    const json& row = j[i];
    if (!row.is_array()) {
      return Problem{{idx(i)}, "row " + std::to_string(i) + " is not a list: " + shown(row)};
    }
    if (i == 0 && row.empty()) return Problem{{idx(0)}, "empty rows (no columns)"};
    if (i == 0 && row.size() > static_cast<std::size_t>(kMaxGridSide)) {
      return Problem{
          {idx(0)},
          std::to_string(row.size()) + " columns, more than " + std::to_string(kMaxGridSide)};
    }
    if (row.size() != j[0].size()) {
      return Problem{{idx(i)},
                     "rows have different lengths: row " + std::to_string(i) + " has " +
                         std::to_string(row.size()) + " cells, row 0 has " +
                         std::to_string(j[0].size())};
    }
    for (std::size_t k = 0; k < row.size(); ++k) {
      const json& c = row[k];
      if (!c.is_number_integer() || c.get<std::int64_t>() < 0 || c.get<std::int64_t>() > 9) {
        return Problem{{idx(i), idx(k)},
                       "cell [" + std::to_string(i) + "][" + std::to_string(k) + "] is " +
                           shown(c) + ", not a colour 0..9"};
      }
    }
  }
  return std::nullopt;
}

JsonPath operator+(JsonPath a, const JsonPath& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Builds tasks from parsed JSON, reporting the first problem of a task at its place in
// `text`. `prefix` is the path of the task object in the file ({} for a task file, {id} in a
// Kaggle file). A task that fails may leave grids in the arena (never reset; harmless).
class TaskReader {
 public:
  TaskReader(const std::string& file, std::string_view text, dsl::Arena& arena,
             program::Diagnostics& diags)
      : file_(file), text_(text), ctx_(arena), diags_(diags) {}

  // Sets the task that the following messages name, and its path in the file.
  void start(const std::string& id, const JsonPath& prefix) {
    id_ = &id;
    prefix_ = prefix;
  }

  std::optional<Task> task(const json& j, const std::string& id, const JsonPath& prefix) {
    start(id, prefix);
    if (!j.is_object()) {
      fail({}, "not a task (an object with \"train\" and \"test\" lists)");
      return std::nullopt;
    }
    Task t;
    t.id = id;
    t.source = file_;
    if (!samples(j, "train", true, t.demo) || !samples(j, "test", false, t.test)) {
      return std::nullopt;
    }
    return t;
  }

  // A grid at `at` (relative to the task), or nullopt after reporting why not.
  std::optional<dsl::Value> grid(const json& j, const JsonPath& at) {
    if (auto p = grid_problem(j)) {
      fail(at, p->why, p->at);
      return std::nullopt;
    }
    std::string why;
    const dsl::Value v = dsl::grid_from_arc_json(j, ctx_, why);
    if (v.is_error()) {  // only the arena cap is left to fail
      fail(at, why);
      return std::nullopt;
    }
    return v;
  }

  // Reports `why` for the value at `at` (+ `inner`, which the message does not name).
  void fail(const JsonPath& at, const std::string& why, const JsonPath& inner = {}) {
    std::string msg = "task " + *id_ + ": ";
    if (!at.empty()) msg += path_text(at) + ": ";
    error_at(diags_, file_, text_, locate(text_, prefix_ + at + inner), msg + why);
  }

 private:
  bool samples(const json& task, const std::string& name, bool need_output,
               std::vector<Sample>& out) {
    const auto it = task.find(name);
    if (it == task.end()) {
      fail({}, "no \"" + name + "\" list");
      return false;
    }
    if (!it->is_array() || it->empty()) {
      fail({key(name)}, it->is_array() ? "empty list" : "not a list of pairs");
      return false;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& pair = (*it)[i];
      const JsonPath at{key(name), idx(i)};
      if (!pair.is_object() || !pair.contains("input")) {
        fail(at, pair.is_object() ? "no \"input\" grid" : "not an {\"input\", \"output\"} pair");
        return false;
      }
      Sample s;
      auto in = grid(pair["input"], at + JsonPath{key("input")});
      if (!in) return false;
      s.input = *in;
      if (pair.contains("output")) {
        auto o = grid(pair["output"], at + JsonPath{key("output")});
        if (!o) return false;
        s.output = *o;
      } else if (need_output) {
        fail(at, "no \"output\" grid");
        return false;
      }
      out.push_back(s);
    }
    return true;
  }

  const std::string& file_;
  std::string_view text_;
  dsl::EvalCtx ctx_;
  program::Diagnostics& diags_;
  const std::string* id_ = nullptr;
  JsonPath prefix_;
};

// ---- loading files ------------------------------------------------------------------------

class Loader {
 public:
  Loader(TaskSet& set, program::Diagnostics& diags) : set_(set), diags_(diags) {}

  void task_file(const std::string& path) {
    const std::string id = fs::path(path).stem().string();
    if (duplicate(id, path, {}, {})) return;
    std::string text;
    if (!read_file(path, text, diags_)) return;
    if (auto t = parse_task(text, id, path, *set_.arena, diags_)) add(std::move(*t));
  }

  void kaggle(const std::string& path, const std::string& solutions_path) {
    std::string text;
    if (!read_file(path, text, diags_)) return;
    const auto j = parse_json(text, path, diags_);
    if (!j) return;
    if (!j->is_object()) {
      error_at(diags_, path, text, locate(text, {}),
               "not a Kaggle challenges file (an object of task id -> task)");
      return;
    }
    // Solutions: read first, so that a broken file skips the tasks it should have completed
    // instead of loading them silently without test outputs.
    std::string sol_text;
    std::optional<json> sol;
    if (!solutions_path.empty()) {
      if (!read_file(solutions_path, sol_text, diags_)) return;
      sol = parse_json(sol_text, solutions_path, diags_);
      if (!sol) return;
      if (!sol->is_object()) {
        error_at(diags_, solutions_path, sol_text, locate(sol_text, {}),
                 "not a Kaggle solutions file (an object of task id -> list of grids)");
        return;
      }
      for (const auto& [id, grids] : sol->items()) {
        if (!j->contains(id)) {
          const Where w = where(sol_text, locate(sol_text, {key(id)}));
          diags_.warning(solutions_path, w.line, w.col,
                         "task " + id + " is not in " + fs::path(path).filename().string() +
                             "; its solutions are ignored",
                         w.source);
        }
      }
    }
    TaskReader reader(path, text, *set_.arena, diags_);
    TaskReader sol_reader(solutions_path, sol_text, *set_.arena, diags_);
    for (const auto& [id, tj] : j->items()) {
      if (duplicate(id, path, text, {key(id)})) continue;
      auto t = reader.task(tj, id, {key(id)});
      if (!t) continue;
      if (sol && !solve(*t, *sol, sol_reader, solutions_path)) continue;
      add(std::move(*t));
    }
  }

 private:
  // Fills t's test outputs from its solutions entry; false (reported) when the entry is bad.
  bool solve(Task& t, const json& sol, TaskReader& reader, const std::string& solutions_path) {
    const auto it = sol.find(t.id);
    if (it == sol.end()) {
      diags_.warning(solutions_path, 0, 0,
                     "task " + t.id + " has no entry; its test outputs are unknown");
      return true;
    }
    // Messages are relative to the task's entry (its list of grids) in the solutions file.
    const JsonPath none;
    reader.start(t.id, {key(t.id)});
    if (!it->is_array() || it->size() != t.test.size()) {
      const std::string got = it->is_array() ? std::to_string(it->size()) + " test output grids"
                                             : "not a list of grids";
      reader.fail(none, "solutions: " + got + ", but the task has " +
                            std::to_string(t.test.size()) + " test input(s)");
      return false;
    }
    std::vector<dsl::Value> outs;
    for (std::size_t k = 0; k < it->size(); ++k) {
      auto g = reader.grid((*it)[k], {idx(k)});
      if (!g) return false;
      outs.push_back(*g);
    }
    for (std::size_t k = 0; k < outs.size(); ++k) t.test[k].output = outs[k];
    return true;
  }

  // Whether `id` is already loaded (then an error, located in `text` at `at` when given).
  bool duplicate(const std::string& id, const std::string& file, std::string_view text,
                 const JsonPath& at) {
    const auto it = loaded_.find(id);
    if (it == loaded_.end()) return false;
    const std::string msg =
        "task " + id + " is already loaded from " + it->second + "; this copy is skipped";
    if (at.empty()) {
      diags_.error(file, 0, 0, msg);
    } else {
      error_at(diags_, file, text, locate(text, at), msg);
    }
    return true;
  }

  void add(Task t) {
    loaded_.emplace(t.id, t.source);
    set_.tasks.push_back(std::move(t));
  }

  TaskSet& set_;
  program::Diagnostics& diags_;
  std::map<std::string, std::string> loaded_;  // id -> source
};

}  // namespace

bool Task::test_outputs_known() const noexcept {
  return std::all_of(test.begin(), test.end(),
                     [](const Sample& s) { return s.output.has_value(); });
}

const Task* TaskSet::find(std::string_view id) const noexcept {
  const auto it = std::lower_bound(tasks.begin(), tasks.end(), id,
                                   [](const Task& t, std::string_view k) { return t.id < k; });
  return it != tasks.end() && it->id == id ? &*it : nullptr;
}

std::optional<Task> parse_task(std::string_view text, const std::string& id,
                               const std::string& file, dsl::Arena& arena,
                               program::Diagnostics& diags) {
  const auto j = parse_json(text, file, diags);
  if (!j) return std::nullopt;
  TaskReader reader(file, text, arena, diags);
  return reader.task(*j, id, {});
}

TaskSet load_tasks(const std::vector<std::string>& paths, program::Diagnostics& diags) {
  TaskSet set;
  set.arena = std::make_unique<dsl::Arena>(kArenaCap);
  std::set<std::string> files;  // sorted, each file once
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::size_t found = 0;
      for (auto it = fs::directory_iterator(p, ec); !ec && it != fs::directory_iterator();
           it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec) && it->path().extension() == ".json") {
          files.insert(it->path().string());
          ++found;
        }
      }
      if (ec) {
        diags.error(p, 0, 0, "cannot list directory: " + ec.message());
      } else if (found == 0) {
        diags.warning(p, 0, 0, "no *.json task files in this directory");
      }
    } else if (fs::exists(p, ec)) {
      files.insert(p);
    } else {
      diags.error(p, 0, 0, "no such file or directory");
    }
  }
  Loader loader(set, diags);
  for (const std::string& f : files) {
    if (f.ends_with(kSolutions)) {
      const std::string challenges = f.substr(0, f.size() - kSolutions.size()) + "_challenges.json";
      if (!files.contains(challenges)) {
        diags.warning(f, 0, 0,
                      "a Kaggle solutions file is not a task file; it is read with " +
                          fs::path(challenges).filename().string() + ", which was not given");
      }
      continue;
    }
    if (f.ends_with(kChallenges)) {
      std::string solutions = f.substr(0, f.size() - kChallenges.size()) + "_solutions.json";
      std::error_code ec;
      if (!fs::exists(solutions, ec)) solutions.clear();
      loader.kaggle(f, solutions);
    } else {
      loader.task_file(f);
    }
  }
  std::sort(set.tasks.begin(), set.tasks.end(),
            [](const Task& a, const Task& b) { return a.id < b.id; });
  return set;
}

}  // namespace batt::corpus
