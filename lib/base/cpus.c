/* cpus.c - how many processors this process may run on.  */
#include "base/cpus.h"

#include <sched.h>
#include <unistd.h>

unsigned
mn_cpus (void)
{
  cpu_set_t set;
  if (sched_getaffinity (0, sizeof set, &set) == 0)
    {
      int n = CPU_COUNT (&set);
      if (n > 0)
        return (unsigned) n;
    }
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned) n : 1;
}
