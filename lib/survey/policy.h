/* policy.h - the promotion-review policy (minyi-formats(5)): veto rules,
   then ordered tiers, each judged on one statistic against a threshold,
   with a minimum sample size and an optional cap on its share; and the
   decision of each cadre's tier under it.  */
#ifndef MINYI_POLICY_H
#define MINYI_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/errinfo.h"
#include "io/reader.h"

/* What a rule's statistic is.  */
enum mn_pstat
{
  MN_PS_NONE,       /* a tier with no statistic: every cadre left */
  MN_PS_COLUMN,     /* a number column of the score table, by name */
  MN_PS_DISSAT,     /* "dissat": 1 - rate, the dissatisfied share */
  MN_PS_PROB_GE     /* "P(rate>=T)": the posterior probability */
};

enum mn_pop { MN_OP_GE, MN_OP_GT, MN_OP_LE, MN_OP_LT };

#define MN_POLICY_MAX_RULES 64

/* The tier word for a cadre that cannot be judged.  */
#define MN_TIER_INSUFFICIENT "insufficient data"

struct mn_policy_rule
{
  bool veto;
  char *tier;           /* owned */
  char *stat_text;      /* owned: the statistic as written */
  enum mn_pstat stat;
  char *column;         /* owned: MN_PS_COLUMN's name, else NULL */
  double t;             /* MN_PS_PROB_GE's T */
  enum mn_pop op;
  double threshold;
  char *threshold_text; /* owned: as written ("1/3") */
  double min_n;         /* 0 when none */
  double max_share;     /* NaN when none */
  unsigned long line;
};

struct mn_policy
{
  struct mn_policy_rule *rule;  /* owned: the vetoes, then the tiers,
                                   in file order */
  size_t n;
  const char *file;             /* borrowed, for messages */
};

/* Read the policy at PATH (borrowed; kept in messages) through the
   suite's input (RO borrowed: delimiter and encoding, guessed when not
   given).  Returns 0, and the caller releases P; or -1 with E naming
   the line.  */
int mn_policy_load (struct mn_policy *p, const char *path,
                    const struct mn_reader_options *ro, struct mn_error *e);

void mn_policy_release (struct mn_policy *p);

/* The symbol of OP (">=", ...), static.  */
const char *mn_pop_name (enum mn_pop op);

/* Whether X OP THRESHOLD.  */
bool mn_policy_holds (const struct mn_policy_rule *r, double x);

/* How one cadre's tier was decided.  */
struct mn_tiering
{
  long rule;            /* the rule that decided, or -1 (none: the
                           policy has no tier left for it) */
  bool insufficient;    /* decided as MN_TIER_INSUFFICIENT by RULE: too
                           few answers, or its statistic unknown */
  uint64_t capped;      /* bit R: qualified for rule R but left out by
                           its cap */
};

/* Decide the tiers of the M cadres of one stratum.  V[R * M + I] is
   cadre I's value of rule R's statistic (NaN: unknown; ignored for
   MN_PS_NONE), N[I] its answers, RANK[I] its rank in the stratum by
   the ranking statistic (0: not ranked), MRANKED the cadres ranked,
   the base of the caps.  OUT[] (M, the caller's) receives the
   decisions.  Vetoes first, in order: a veto whose condition holds
   decides (insufficient data when N is under its minimum).  Then each
   tier in order over the cadres left: a cadre whose value is unknown,
   or meets the condition with N under the minimum, is insufficient
   data; those meeting it are admitted by rank, whole tie groups at a
   time, while the tier holds no more than floor (MAX_SHARE * MRANKED)
   cadres (the unranked last, as one group); the others go on to the
   next tier.  All arrays borrowed.  */
void mn_policy_decide (const struct mn_policy *p, size_t m, const double *v,
                       const double *n, const size_t *rank, size_t mranked,
                       struct mn_tiering *out);

#endif
