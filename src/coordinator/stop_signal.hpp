#pragma once
// SIGINT, SIGTERM and SIGUSR1 (Slurm's preemption warning) ask a run to stop: the job
// finishes the batch of units it is on, writes what it has, and exits with the report marked
// "aborted". The handlers are installed for the lifetime of a StopSignals object.
#include <map>

namespace batt::coordinator {

class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // The signal that asked to stop, or 0.
  static int requested() noexcept;

 private:
  std::map<int, void (*)(int)> old_;
};

}  // namespace batt::coordinator
