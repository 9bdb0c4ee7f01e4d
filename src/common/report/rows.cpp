#include "report/rows.hpp"

namespace batt::report {

const char* status_name(Status s) noexcept {
  switch (s) {
    case Status::Ok:
      return "ok";
    case Status::Mismatch:
      return "mismatch";
    case Status::Error:
      return "error";
    case Status::Timeout:
      return "timeout";
    case Status::Resource:
      return "resource";
    case Status::Skipped:
      return "skipped";
  }
  return "?";
}

}  // namespace batt::report
