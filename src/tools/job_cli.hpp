#pragma once
// The command line (and config file) of the main job: `batt_mpi CORPUS [options]`. Every
// option can also be given in a TOML file passed with --config (keys are the long option
// names, e.g. `pairing = "cross"`); the command line wins over the file. configs/default.toml
// lists every key at its default.
#include <CLI/CLI.hpp>

#include "coordinator/job.hpp"

namespace batt::tools {

class JobCli {
 public:
  // Adds the job's positional argument, options and --config to `app`.
  explicit JobCli(CLI::App& app);
  JobCli(const JobCli&) = delete;
  JobCli& operator=(const JobCli&) = delete;

  // After parsing: the options, converted (milliseconds, MiB, names), with the command line
  // and the resolved configuration (as TOML) recorded for the report.
  coordinator::JobOptions options(const CLI::App& app, int argc, char** argv) const;

  // --print-config: print the resolved options as a config file and exit.
  bool print_config() const noexcept { return print_config_; }

 private:
  coordinator::JobOptions opt_;
  // Values given in the units users think in, converted by options().
  double deadline_ms_ = 100;
  std::size_t arena_mb_ = 512;
  std::string pairing_ = "origin";
  std::string dialect_ = "auto";
  std::string store_outputs_ = "test";
  std::string shard_ = "0/1";
  bool print_config_ = false;
};

}  // namespace batt::tools
