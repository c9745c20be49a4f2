/* cpus.h - how many processors this process may run on.  */
#ifndef MINYI_CPUS_H
#define MINYI_CPUS_H

/* The processors this process may run on (its CPU affinity mask, as
   taskset and cgroup cpusets set it; else those online), at least 1:
   the default number of threads of minyi-rank and minyi-score.  */
unsigned mn_cpus (void);

#endif
