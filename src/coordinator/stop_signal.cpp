#include "coordinator/stop_signal.hpp"

#include <atomic>
#include <csignal>

namespace batt::coordinator {

namespace {
std::atomic<int> g_stop{0};
extern "C" void on_stop_signal(int sig) {
  g_stop.store(sig);
}
}  // namespace

StopSignals::StopSignals() {
  g_stop.store(0);
  for (int s : {SIGINT, SIGTERM, SIGUSR1}) old_[s] = std::signal(s, on_stop_signal);
}

StopSignals::~StopSignals() {
  for (auto& [s, h] : old_) std::signal(s, h);
}

int StopSignals::requested() noexcept {
  return g_stop.load();
}

}  // namespace batt::coordinator
