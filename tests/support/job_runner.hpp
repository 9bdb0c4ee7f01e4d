#pragma once
// Running the batt_mpi binary from end-to-end tests: in the source tree (so `corpus/` and
// `tests/fixtures/` resolve), in the foreground or in the background, with a scratch
// directory per test process, and peeking at a report while its job still runs.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "report/report_reader.hpp"
#include "support/text_file.hpp"

namespace batt::testing {

// Set before the first HDF5 call of the test process (HDF5 reads it once): a live job's
// writer holds the file lock, and peeking needs locking off in the reader (as it does for
// h5py users watching a run). Open MPI refuses root unless told (CI runs as root).
inline const bool kJobEnvironment = setenv("HDF5_USE_FILE_LOCKING", "FALSE", 1) == 0 &&
                                    setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1) == 0 &&
                                    setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1) == 0;

// `name` in a scratch directory of this test process.
inline std::filesystem::path scratch(const std::string& name) {
  const auto d = std::filesystem::temp_directory_path() / ("batt_e2e_" + std::to_string(getpid()));
  std::filesystem::create_directories(d);
  return d / name;
}

// Runs the shell command `cmd` in the source tree; its exit status, its output in `out`.
inline int run_shell(const std::string& cmd, std::string* out = nullptr) {
  const auto log = scratch("log.txt");
  const std::string line = "cd " + project_path("") + " && " + cmd + " >" + log.string() + " 2>&1";
  const int rc = std::system(line.c_str());
  if (out) *out = read_text(log.string());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Starts `cmd` in the source tree in the background (sh exec's it: the pid is the command's).
inline pid_t spawn_shell(const std::string& cmd) {
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string line = "cd " + project_path("") + " && exec " + cmd + " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Waits (up to 30 s) until the report at `partial` holds result rows.
inline bool wait_for_results(const std::filesystem::path& partial) {
  for (int i = 0; i < 600; ++i) {
    try {
      if (kJobEnvironment && std::filesystem::exists(partial) &&
          report::ReportReader(partial.string()).rows("results") > 0) {
        return true;
      }
    } catch (const std::exception&) {
      // not flushed yet, or caught mid-write: try again
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace batt::testing
