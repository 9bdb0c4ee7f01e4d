#pragma once
// Internal invariants (STYLE.md §2.7). BATT_CHECK(cond) aborts with file:line when an
// invariant of the program itself is broken; BATT_DCHECK does the same in debug builds only
// (hot paths). Neither is ever used to check user input: bad input is an error value or a
// diagnostic, never an abort.
#include <cstdio>
#include <cstdlib>

#define BATT_CHECK(cond)                                                                         \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      std::fprintf(stderr, "%s:%d: internal invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                              \
    }                                                                                            \
  } while (0)

#ifdef NDEBUG
#define BATT_DCHECK(cond) \
  do {                    \
  } while (0)
#else
#define BATT_DCHECK(cond) BATT_CHECK(cond)
#endif
