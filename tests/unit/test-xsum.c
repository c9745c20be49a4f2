/* test-xsum.c - unit tests of exact sums (lib/xsum.c).

   Expected values come from Python 3.11, not from the code under test:
   math.fsum (Shewchuk 1997; correctly rounded, ties to even) for the
   rounded sum, fractions.Fraction for the exact sum, hence the
   double-double remainder float(exact - fsum) and the canonical text,
   written from the rational by tests/unit/xsum-ref.py, whose output is
   pasted below:

     python3 tests/unit/xsum-ref.py

   Beside each case, the Python list it sums; lcg(seed) is the generator
   below, the same in both languages.  */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "stats/xsum.h"

/* Knuth's MMIX LCG; class Lcg in xsum-ref.py.  */
static uint64_t
lcg (uint64_t *x)
{
  *x = *x * UINT64_C (6364136223846793005) + UINT64_C (1442695040888963407);
  return *x;
}

/* A double of either sign, magnitude about 2^-41 .. 2^40 (1e-12 ..
   1e12); mixed() in xsum-ref.py.  */
static double
mixed (uint64_t *g)
{
  uint64_t r1 = lcg (g), r2 = lcg (g);
  double v = ldexp ((double) (r1 >> 11), -93 + (int) ((r2 >> 33) % 81));
  return r2 >> 63 ? -v : v;
}

/* The sums of the hot path: w * y, w * w, w * w * y for a weight w in
   0.5 .. 2 and a score y in 0 .. 100; hot() in xsum-ref.py.  */
static void
hot (uint64_t *g, double out[3])
{
  double w = 0.5 + 1.5 * ((double) (lcg (g) >> 11) * 0x1p-53);
  double y = (double) ((lcg (g) >> 33) % 101);
  out[0] = w * y;
  out[1] = w * w;
  out[2] = w * w * y;
}

struct vec
{
  double *x;
  size_t n, cap;
};

static void
push (struct vec *v, double x)
{
  if (v->n == v->cap)
    {
      v->cap = v->cap ? 2 * v->cap : 64;
      v->x = realloc (v->x, v->cap * sizeof *v->x);
      if (!v->x)
        abort ();
    }
  v->x[v->n++] = x;
}

static void
push_n (struct vec *v, double x, size_t n)
{
  while (n--)
    push (v, x);
}

struct ref
{
  const char *name;
  double hi, lo;
  const char *text;
};

/* Output of python3 tests/unit/xsum-ref.py.  */
static const struct ref refs[] = {
  { "classic", 0x1.bff2ee48e0530p-333, 0x0.0p+0,
    "0xdff9772470298p-384" },
  { "tenth x10", 0x1.0000000000000p+0, 0x1.0000000000000p-54,
    "0x100000000000004p-56" },
  { "2^60 + 4096 x 2^-60", 0x1.0000000000000p+60, 0x1.0000000000000p-48,
    "0x1000000000000000000000000001p-48" },
  { "2^60 + 3 x 1.5*2^-60", 0x1.0000000000000p+60, 0x1.2000000000000p-58,
    "0x10000000000000000000000000000048p-64" },
  { "tie to even down", 0x1.0000000000000p+53, 0x1.0000000000000p+0,
    "0x20000000000001p+0" },
  { "tie to even up", 0x1.0000000000002p+53, -0x1.0000000000000p+0,
    "0x20000000000003p+0" },
  { "just above a tie", 0x1.0000000000001p+53, -0x1.0000000000000p+0,
    "0x200000000000010000000000000000000000001p-100" },
  { "just below a tie", 0x1.0000000000000p+53, 0x1.0000000000000p+0,
    "0x20000000000000fffffffffffffffffffffffffp-100" },
  { "extremes", 0x1.56e1fc2f8f359p-997, 0x0.0p+0,
    "0xab70fe17c79ac8p-1052" },
  { "extremes kept", 0x1.7e43c8800759cp+997, 0x1.01297d23ab683p-995,
    "0x2fc8791000eb38000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000020252fa4756d"
    "06p-1048" },
  { "subnormals", 0x1.0000000000001p-1022, 0x0.0p+0,
    "0x40000000000004p-1076" },
  { "top limb widens", 0x1.3880000000000p+127, 0x1.0000000000000p+0,
    "0x9c400000000000000000000000000001p+0" },
  { "top limb widens down", -0x1.3880000000000p+127, 0x1.0000000000000p+0,
    "-0x9c3fffffffffffffffffffffffffffffp+0" },
  { "lcg mixed 1000 seed 1", -0x1.45567163b10d2p+39, 0x1.c1f9ff7abcf5bp-16,
    "-0xa2ab38b1d8868e3e060085430a4a75bb48p-96" },
  { "lcg hot 3000 seed 2", 0x1.27acc77a33a5ep+17, 0x1.934c800000000p-37,
    "0x24f598ef4674bcc9a64p-56" },
  { "lcg mixed 100000 seed 3", -0x1.2547090811e15p+44, -0x1.850cbbcfbcdd2p-11,
    "-0x12547090811e1530a19779f79ba4e9fba818p-96" },
};

#define NREFS (sizeof refs / sizeof refs[0])

/* The list of case I, as sets() in xsum-ref.py builds it.  */
static struct vec
set_of (size_t i)
{
  struct vec v = { 0 };
  uint64_t g;
  double h[3];
  switch (i)
    {
    case 0: /* [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50] */
      {
        static const double a[] = { 1e100, 1.0, -1e100, 1e-100, 1e50, -1.0,
                                    -1e50 };
        for (size_t j = 0; j < 7; j++)
          push (&v, a[j]);
      }
      break;
    case 1: /* [0.1] * 10 */
      push_n (&v, 0.1, 10);
      break;
    case 2: /* [2.0 ** 60] + [2.0 ** -60] * 4096 */
      push (&v, 0x1p60);
      push_n (&v, 0x1p-60, 4096);
      break;
    case 3: /* [2.0 ** 60] + [1.5 * 2.0 ** -60] * 3 */
      push (&v, 0x1p60);
      push_n (&v, 0x1.8p-60, 3);
      break;
    case 4: /* [2.0 ** 53, 1.0] */
      push (&v, 0x1p53);
      push (&v, 1.0);
      break;
    case 5: /* [2.0 ** 53 + 2, 1.0] */
      push (&v, 0x1p53 + 2);
      push (&v, 1.0);
      break;
    case 6: /* [2.0 ** 53, 1.0, 2.0 ** -100] */
      push (&v, 0x1p53);
      push (&v, 1.0);
      push (&v, 0x1p-100);
      break;
    case 7: /* [2.0 ** 53, 1.0, -(2.0 ** -100)] */
      push (&v, 0x1p53);
      push (&v, 1.0);
      push (&v, -0x1p-100);
      break;
    case 8: /* [1e300, 1e-300, -1e300] */
      push (&v, 1e300);
      push (&v, 1e-300);
      push (&v, -1e300);
      break;
    case 9: /* [1e300, 1e-300, 1e300, -1e-300, 3e-300] */
      push (&v, 1e300);
      push (&v, 1e-300);
      push (&v, 1e300);
      push (&v, -1e-300);
      push (&v, 3e-300);
      break;
    case 10: /* [5e-324, 5e-324, 2.2250738585072014e-308, -5e-324] */
      push (&v, 5e-324);
      push (&v, 5e-324);
      push (&v, 2.2250738585072014e-308);
      push (&v, -5e-324);
      break;
    case 11: /* [1.0] + [2.0 ** 115] * 5000 */
      push (&v, 1.0);
      push_n (&v, 0x1p115, 5000);
      break;
    case 12: /* [1.0] + [-(2.0 ** 115)] * 5000 */
      push (&v, 1.0);
      push_n (&v, -0x1p115, 5000);
      break;
    case 13: /* [mixed(g) for _ in range(1000)], g = Lcg(1) */
      g = 1;
      for (size_t j = 0; j < 1000; j++)
        push (&v, mixed (&g));
      break;
    case 14: /* [v for _ in range(1000) for v in hot(g)], g = Lcg(2) */
      g = 2;
      for (size_t j = 0; j < 1000; j++)
        {
          hot (&g, h);
          push (&v, h[0]);
          push (&v, h[1]);
          push (&v, h[2]);
        }
      break;
    case 15: /* [mixed(g) for _ in range(100000)], g = Lcg(3) */
      g = 3;
      for (size_t j = 0; j < 100000; j++)
        push (&v, mixed (&g));
      break;
    default:
      abort ();
    }
  return v;
}

static int
same_bits (double a, double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

/* Check S against REF: value, remainder, text, and the text read back
   by strtod (correctly rounded) and by mn_xsum_parse (exactly).  */
static void
check_sum (const struct mn_xsum *s, const struct ref *r, const char *how)
{
  char name[300], text[MN_XSUM_TEXT_MAX], again[MN_XSUM_TEXT_MAX];
  double hi, lo;
  mn_xsum_dd (s, &hi, &lo);
  snprintf (name, sizeof name, "%s, %s: value", r->name, how);
  tap_report (same_bits (mn_xsum_value (s), r->hi), name, "got %a, want %a",
              mn_xsum_value (s), r->hi);
  snprintf (name, sizeof name, "%s, %s: dd hi", r->name, how);
  tap_report (same_bits (hi, r->hi), name, "got %a, want %a", hi, r->hi);
  snprintf (name, sizeof name, "%s, %s: dd lo", r->name, how);
  tap_report (same_bits (lo, r->lo), name, "got %a, want %a", lo, r->lo);
  int len = mn_xsum_format (s, text, sizeof text);
  snprintf (name, sizeof name, "%s, %s: text", r->name, how);
  streq (text, r->text, name);
  snprintf (name, sizeof name, "%s, %s: length returned", r->name, how);
  ok (len == (int) strlen (r->text), name);
  snprintf (name, sizeof name, "%s, %s: strtod reads the value", r->name,
            how);
  double d = strtod (text, NULL);
  tap_report (same_bits (d, r->hi), name, "got %a, want %a", d, r->hi);
  struct mn_xsum p;
  mn_xsum_init (&p);
  snprintf (name, sizeof name, "%s, %s: parse", r->name, how);
  ok (mn_xsum_parse (&p, text, strlen (text)) == 0, name);
  mn_xsum_format (&p, again, sizeof again);
  snprintf (name, sizeof name, "%s, %s: parse, format: same text", r->name,
            how);
  streq (again, r->text, name);
  snprintf (name, sizeof name, "%s, %s: parse: same value", r->name, how);
  ok (same_bits (mn_xsum_value (&p), r->hi), name);
  mn_xsum_release (&p);
}

/* Each reference case summed forwards, backwards, and as two halves
   merged.  */
static void
test_refs (void)
{
  for (size_t i = 0; i < NREFS; i++)
    {
      struct vec v = set_of (i);
      struct mn_xsum s, a, b;
      memset (&s, 0, sizeof s); /* zeroed memory is an empty sum */
      for (size_t j = 0; j < v.n; j++)
        mn_xsum_add (&s, v.x[j]);
      check_sum (&s, &refs[i], "in order");
      mn_xsum_release (&s);
      mn_xsum_init (&s);
      for (size_t j = v.n; j-- > 0;)
        mn_xsum_add (&s, v.x[j]);
      check_sum (&s, &refs[i], "reversed");
      mn_xsum_release (&s);
      mn_xsum_init (&a);
      mn_xsum_init (&b);
      for (size_t j = 0; j < v.n; j++)
        mn_xsum_add (j % 2 ? &a : &b, v.x[j]);
      mn_xsum_merge (&a, &b);
      check_sum (&a, &refs[i], "odd and even merged");
      mn_xsum_release (&a);
      mn_xsum_release (&b);
      free (v.x);
    }
}

/* Fisher-Yates with the LCG.  */
static void
shuffle (double *x, size_t n, uint64_t *g)
{
  for (size_t i = n; i > 1; i--)
    {
      size_t j = (size_t) ((lcg (g) >> 11) % i);
      double t = x[i - 1];
      x[i - 1] = x[j];
      x[j] = t;
    }
}

/* The 10^5 mixed values of case 15 (magnitudes 1e-12 .. 1e12, both
   signs): added in shuffled orders, and cut into 1 .. 8 shards at random
   rows whose partial sums are merged in shuffled orders.  Every result
   must be Python's, bit for bit and character for character.  */
static void
test_order (void)
{
  const struct ref *r = &refs[15];
  struct vec v = set_of (15);
  uint64_t g = 12345;
  char name[200];
  for (int round = 0; round < 4; round++)
    {
      shuffle (v.x, v.n, &g);
      struct mn_xsum s = { 0 };
      for (size_t j = 0; j < v.n; j++)
        mn_xsum_add (&s, v.x[j]);
      snprintf (name, sizeof name, "shuffle %d", round);
      check_sum (&s, r, name);
      mn_xsum_release (&s);
    }
  for (int shards = 1; shards <= 8; shards++)
    {
      size_t cut[9];
      cut[0] = 0;
      cut[shards] = v.n;
      for (int k = 1; k < shards; k++)
        cut[k] = (size_t) ((lcg (&g) >> 11) % (v.n + 1));
      for (int k = 1; k < shards; k++) /* sort the cuts */
        for (int m = k; m > 1 && cut[m - 1] > cut[m]; m--)
          {
            size_t t = cut[m];
            cut[m] = cut[m - 1];
            cut[m - 1] = t;
          }
      shuffle (v.x, v.n, &g);
      struct mn_xsum part[8];
      memset (part, 0, sizeof part);
      for (int k = 0; k < shards; k++)
        for (size_t j = cut[k]; j < cut[k + 1]; j++)
          mn_xsum_add (&part[k], v.x[j]);
      int order[8];
      for (int k = 0; k < shards; k++)
        order[k] = k;
      for (int k = shards; k > 1; k--)
        {
          int j = (int) ((lcg (&g) >> 11) % (uint64_t) k), t = order[k - 1];
          order[k - 1] = order[j];
          order[j] = t;
        }
      /* Merge through the text form, as minyi-merge will.  */
      struct mn_xsum total = { 0 }, p = { 0 };
      for (int k = 0; k < shards; k++)
        {
          char text[MN_XSUM_TEXT_MAX];
          mn_xsum_format (&part[order[k]], text, sizeof text);
          if (mn_xsum_parse (&p, text, strlen (text)) != 0)
            abort ();
          mn_xsum_merge (&total, &p);
        }
      snprintf (name, sizeof name, "%d shards merged", shards);
      check_sum (&total, r, name);
      mn_xsum_release (&total);
      mn_xsum_release (&p);
      mn_xsum_release_n (part, 8);
    }
  free (v.x);
}

static void
text_is (const struct mn_xsum *s, const char *want, const char *name)
{
  char text[MN_XSUM_TEXT_MAX];
  mn_xsum_format (s, text, sizeof text);
  streq (text, want, name);
}

/* An empty sum, zeroed or initialised, and sums that come back to zero.  */
static void
test_zero (void)
{
  struct mn_xsum s = { 0 }, t;
  double hi = 1, lo = 1;
  ok (mn_xsum_value (&s) == 0, "zero: value");
  mn_xsum_dd (&s, &hi, &lo);
  ok (hi == 0 && lo == 0, "zero: dd");
  text_is (&s, "0x0p+0", "zero: text");
  mn_xsum_add (&s, 0.0);
  mn_xsum_add (&s, -0.0);
  text_is (&s, "0x0p+0", "zero: adding zeros");
  mn_xsum_add (&s, 1e-300);
  mn_xsum_add (&s, 1e300);
  mn_xsum_add (&s, -1e-300);
  mn_xsum_add (&s, -1e300);
  text_is (&s, "0x0p+0", "zero: +-1e300, +-1e-300 cancel");
  ok (mn_xsum_value (&s) == 0, "zero: their value");
  mn_xsum_add (&s, 3.0);
  text_is (&s, "0x3p+0", "zero: then 3");
  mn_xsum_init (&t);
  mn_xsum_merge (&s, &t);
  text_is (&s, "0x3p+0", "zero: merging an empty sum");
  mn_xsum_merge (&t, &s);
  text_is (&t, "0x3p+0", "zero: merged into an empty sum");
  mn_xsum_add (&t, -3.0);
  text_is (&t, "0x0p+0", "zero: 3 - 3");
  mn_xsum_release (&s);
  mn_xsum_release (&t);
  char small[4];
  struct mn_xsum e = { 0 };
  ok (mn_xsum_format (&e, small, sizeof small) == 6
      && strcmp (small, "0x0") == 0, "zero: short buffer cut, full length");
  ok (mn_xsum_format (&e, NULL, 0) == 6, "zero: size 0 writes nothing");
}

/* Spreads beyond the inline limbs: the heap array, its release, moves
   by memcpy, merges between inline and heap sums, and the way back.  */
static void
test_heap (void)
{
  struct mn_xsum a = { 0 }, b = { 0 }, c;
  mn_xsum_add (&a, 1e-4); /* w^2 for w = 0.01 first */
  mn_xsum_add (&a, 1e-20);
  mn_xsum_add (&a, 0x1p100); /* a sum of 2^40 values of 1e12 is less */
  ok (mn_xsum_heap_bytes (&a) == 0, "heap: 1e-4, 1e-20, 2^100 are inline");
  mn_xsum_release (&a);
  mn_xsum_add (&a, 1.0);
  ok (mn_xsum_heap_bytes (&a) == 0, "heap: 1.0 is inline");
  mn_xsum_add (&a, 1e300);
  ok (mn_xsum_heap_bytes (&a) > 0, "heap: 1 + 1e300 is not");
  mn_xsum_add (&a, 1e-300);
  memcpy (&c, &a, sizeof c); /* a move: A is forgotten */
  mn_xsum_add (&b, -1e300);
  mn_xsum_merge (&c, &b);
  mn_xsum_add (&b, -1.0);
  mn_xsum_add (&b, 1e300);
  mn_xsum_merge (&c, &b); /* 1e-300 left */
  ok (mn_xsum_value (&c) == 1e-300, "heap: 1 + 1e300 + 1e-300 - 1e300 - 1");
  ok (mn_xsum_heap_bytes (&c) == 0, "heap: given back once it fits");
  text_is (&c, "0xab70fe17c79ac8p-1052", "heap: text of 1e-300");
  mn_xsum_release (&b);
  mn_xsum_release (&c);
  /* The widest: DBL_MAX and the least subnormal, 2^1024 apart.  */
  struct mn_xsum w[3];
  memset (w, 0, sizeof w);
  mn_xsum_add (&w[0], DBL_MAX);
  mn_xsum_add (&w[0], 0x1p-1074);
  mn_xsum_add (&w[1], -DBL_MAX);
  mn_xsum_add (&w[2], DBL_MAX);
  mn_xsum_add (&w[2], DBL_MAX);
  mn_xsum_merge (&w[0], &w[1]);
  ok (mn_xsum_value (&w[0]) == 0x1p-1074, "heap: DBL_MAX + 2^-1074 - DBL_MAX");
  text_is (&w[0], "0x4p-1076", "heap: text of 2^-1074");
  ok (isinf (mn_xsum_value (&w[2])) && mn_xsum_value (&w[2]) > 0,
      "heap: 2 DBL_MAX rounds to +inf");
  char text[MN_XSUM_TEXT_MAX];
  mn_xsum_format (&w[2], text, sizeof text);
  mn_xsum_add (&w[2], -DBL_MAX);
  ok (mn_xsum_value (&w[2]) == DBL_MAX, "heap: 2 DBL_MAX - DBL_MAX");
  struct mn_xsum p = { 0 };
  ok (mn_xsum_parse (&p, text, strlen (text)) == 0,
      "heap: the text of 2 DBL_MAX reads back");
  mn_xsum_merge (&w[1], &p);
  ok (mn_xsum_value (&w[1]) == DBL_MAX, "heap: and is exact");
  mn_xsum_release (&p);
  mn_xsum_release_n (w, 3);
  /* Many values across the whole range, then taken away again.  */
  uint64_t g = 99;
  struct mn_xsum s = { 0 };
  double keep[2000];
  for (int i = 0; i < 2000; i++)
    {
      uint64_t r = lcg (&g);
      keep[i] = ldexp ((double) (r >> 11), (int) ((lcg (&g) >> 33) % 2046)
                                           - 1074);
      if (r & 0x10000)
        keep[i] = -keep[i];
      mn_xsum_add (&s, keep[i]);
    }
  for (int i = 1999; i >= 0; i--)
    mn_xsum_add (&s, -keep[i]);
  text_is (&s, "0x0p+0", "heap: 2000 values over the whole range, less them");
  mn_xsum_release (&s);
}

static void
parses (const char *text, const char *want)
{
  char name[200];
  struct mn_xsum s = { 0 };
  int rc = mn_xsum_parse (&s, text, strlen (text));
  snprintf (name, sizeof name, "parse '%s'", text);
  ok (rc == 0, name);
  snprintf (name, sizeof name, "parse '%s': canonical text", text);
  text_is (&s, want, name);
  mn_xsum_release (&s);
}

static void
refuses (const char *text, size_t len)
{
  char name[200];
  struct mn_xsum s = { 0 };
  mn_xsum_add (&s, 5.0);
  int rc = mn_xsum_parse (&s, text, len);
  snprintf (name, sizeof name, "parse refuses '%.*s' (%zu bytes)", (int) len,
            text, len);
  ok (rc == -1, name);
  snprintf (name, sizeof name, "parse '%.*s': sum left as it was", (int) len,
            text);
  text_is (&s, "0x5p+0", name);
  mn_xsum_release (&s);
}

/* Text forms beyond the canonical one, the range's edges and junk.  The
   canonical texts follow from the definitions (2^-1074 = 4 * 2^-1076).  */
static void
test_text (void)
{
  parses ("0x0p+0", "0x0p+0");
  parses ("-0x0p+0", "0x0p+0");
  parses ("0x000.000p-99999999999999999", "0x0p+0");
  parses ("0X1P4", "0x1p+4");
  parses ("0x10p+0", "0x1p+4");
  parses ("0x.8p1", "0x1p+0");
  parses ("0x1.p0", "0x1p+0");
  parses ("+0x1.8p+1", "0x3p+0");
  parses ("0x0001.2340p+000", "0x1234p-12");
  parses ("-0xABCp-2", "-0x2afp+0");
  parses ("0x1p-1074", "0x4p-1076");
  parses ("0x2p-1075", "0x4p-1076");
  parses ("0x3p+1148", "0x3p+1148");
  parses ("-0x3p+1148", "-0x3p+1148");
  parses ("0x1p+1149", "0x2p+1148");
  parses ("inf", "inf");
  parses ("-inf", "-inf");
  parses ("nan", "nan");
  static const char *bad[] = {
    "", "0x", "0xp+0", "0x.p+0", "0x1", "0x1p", "0x1p+", "0x1p-", "1.5",
    "1", "0x1p+0 ", " 0x1p+0", "0x1gp+0", "0x1p+0x", "--0x1p+0", "+-0x1p0",
    "0x1..0p0", "0x1.0.p0", "0x1p1.5", "0x1e5", "x1p0", "0y1p0",
    "0x1p-1075", "0x3p-1076", "0x1p+1150", "0x4p+1148", "-0x1p+1150",
    "0x1p+99999999999999999999", "0x1p-99999999999999999999", "Inf", "NaN",
    "+inf", "infinity", "0x1p+0,",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    refuses (bad[i], strlen (bad[i]));
  refuses ("0x1p+0", 7); /* its NUL counted */
  refuses ("0x1p+0", 3);
  /* TEXT need not end in NUL: a field in a larger buffer.  */
  struct mn_xsum s = { 0 };
  ok (mn_xsum_parse (&s, "0x1p+4,0x2p+0", 6) == 0
      && mn_xsum_value (&s) == 16, "parse: a field of a record");
  mn_xsum_release (&s);
}

/* Carries and borrows that ripple over whole limbs, through the inline
   path and its out-of-line end: 2^64 - 2^-64 is a limb of ones below
   the point, so one more 2^-64 carries into the integer limbs, and
   taking it away borrows back.  Exact by definition.  */
static void
test_carry (void)
{
  struct mn_xsum s = { 0 };
  mn_xsum_add (&s, 0x1p64);
  mn_xsum_add (&s, -0x1p-64);
  text_is (&s, "0xffffffffffffffffffffffffffffffffp-64", "carry: 2^64 - 2^-64");
  mn_xsum_add (&s, 0x1p-64);
  text_is (&s, "0x1p+64", "carry: plus 2^-64 ripples up");
  mn_xsum_add (&s, -0x1p-64);
  text_is (&s, "0xffffffffffffffffffffffffffffffffp-64", "carry: and back");
  mn_xsum_add (&s, -0x1p64);
  text_is (&s, "-0x1p-64", "carry: less 2^64 goes negative");
  mn_xsum_add (&s, 0x1p-64);
  text_is (&s, "0x0p+0", "carry: to zero from below");
  for (int i = 0; i < 100; i++)
    mn_xsum_add (&s, -0x1p-60);
  for (int i = 0; i < 99; i++)
    mn_xsum_add (&s, 0x1p-60);
  text_is (&s, "-0x1p-60", "carry: 100 down, 99 up");
  ok (mn_xsum_value (&s) == -0x1p-60, "carry: its value");
  mn_xsum_release (&s);
  ok (sizeof (struct mn_xsum) == 40, "size: 40 bytes an accumulator");
}

/* Infinities and NaN added, merged and written, as IEEE sums do.  */
static void
test_special (void)
{
  struct mn_xsum s = { 0 }, t = { 0 };
  mn_xsum_add (&s, 1.0);
  mn_xsum_add (&s, INFINITY);
  ok (mn_xsum_value (&s) == INFINITY, "special: 1 + inf");
  text_is (&s, "inf", "special: its text");
  mn_xsum_add (&t, -INFINITY);
  text_is (&t, "-inf", "special: -inf text");
  mn_xsum_merge (&s, &t);
  ok (isnan (mn_xsum_value (&s)), "special: inf - inf is NaN");
  text_is (&s, "nan", "special: its text");
  mn_xsum_release (&s);
  mn_xsum_release (&t);
  mn_xsum_add (&s, NAN);
  ok (isnan (mn_xsum_value (&s)), "special: NaN");
  mn_xsum_release (&s);
}

/* Random sums: the text is read by strtod as the value, and read back
   exactly; two sums that differ only by order print the same text.  */
static void
test_round_trip (void)
{
  uint64_t g = 7;
  int bad_strtod = 0, bad_back = 0, bad_order = 0;
  for (int round = 0; round < 500; round++)
    {
      struct mn_xsum s = { 0 }, r = { 0 }, p = { 0 };
      double x[40];
      int n = 1 + (int) (lcg (&g) % 40);
      int wide = round % 5 == 0;
      for (int i = 0; i < n; i++)
        {
          x[i] = wide ? ldexp ((double) (lcg (&g) >> 11),
                               (int) ((lcg (&g) >> 33) % 600) - 300)
                      : mixed (&g);
          if (wide && (lcg (&g) >> 63))
            x[i] = -x[i];
          mn_xsum_add (&s, x[i]);
        }
      for (int i = n; i-- > 0;)
        mn_xsum_add (&r, x[i]);
      char a[MN_XSUM_TEXT_MAX], b[MN_XSUM_TEXT_MAX], c[MN_XSUM_TEXT_MAX];
      mn_xsum_format (&s, a, sizeof a);
      mn_xsum_format (&r, b, sizeof b);
      bad_order += strcmp (a, b) != 0;
      bad_strtod += !same_bits (strtod (a, NULL), mn_xsum_value (&s));
      if (mn_xsum_parse (&p, a, strlen (a)) != 0)
        bad_back++;
      mn_xsum_format (&p, c, sizeof c);
      bad_back += strcmp (a, c) != 0;
      mn_xsum_release (&s);
      mn_xsum_release (&r);
      mn_xsum_release (&p);
    }
  tap_report (bad_order == 0, "round trip: order does not change the text",
              "%d differ", bad_order);
  tap_report (bad_strtod == 0, "round trip: strtod reads the value",
              "%d differ", bad_strtod);
  tap_report (bad_back == 0, "round trip: format, parse, format", "%d differ",
              bad_back);
}

int
main (void)
{
  test_refs ();
  test_order ();
  test_zero ();
  test_heap ();
  test_text ();
  test_carry ();
  test_special ();
  test_round_trip ();
  return tap_done ();
}
