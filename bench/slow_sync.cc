// A disk that flushes more slowly than this machine's, for benchmarks only.
//
// Loaded with LD_PRELOAD (bench/write-throughput --sync-latency-us N builds and loads it),
// it makes every fsync() and fdatasync() of the process return N microseconds after the
// real call did: the calling thread blocks, the CPU stays free, as it does while a real
// device drains its write cache. The data is as durable as without the library; only the
// time a flush takes changes. N comes from JH_BENCH_SYNC_LATENCY_US (0 or unset: no delay).
//
// Why: the gain of group commit is the number of flushes it saves, so it shows only where a
// flush costs more than the CPU a request needs. This VM's virtual disk flushes in about
// 0.1 ms; DESIGN.md measured 0.3 ms on an earlier machine of the same kind, and local SSDs
// without power-loss protection or network block storage take 0.5–2 ms.

#include <dlfcn.h>
#include <time.h>

#include <cerrno>
#include <cstdlib>

namespace {

using SyncFn = int (*)(int);

long LatencyNanos() {
  static const long nanos = [] {
    const char* text = std::getenv("JH_BENCH_SYNC_LATENCY_US");
    const long micros = text != nullptr ? std::strtol(text, nullptr, 10) : 0;
    return micros > 0 ? micros * 1000 : 0L;
  }();
  return nanos;
}

// Sleeps the configured latency, keeping the real call's errno.
int Delayed(int result) {
  const long nanos = LatencyNanos();
  if (nanos > 0) {
    const int saved = errno;
    timespec left{nanos / 1'000'000'000, nanos % 1'000'000'000};
    while (nanosleep(&left, &left) != 0 && errno == EINTR) {
    }
    errno = saved;
  }
  return result;
}

SyncFn Next(const char* name) { return reinterpret_cast<SyncFn>(dlsym(RTLD_NEXT, name)); }

}  // namespace

extern "C" int fsync(int fd) {
  static const SyncFn real = Next("fsync");
  return Delayed(real(fd));
}

extern "C" int fdatasync(int fd) {
  static const SyncFn real = Next("fdatasync");
  return Delayed(real(fd));
}
