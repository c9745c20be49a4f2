/* gen-sample.c - write a synthetic villager satisfaction survey for minyi.

   This tool models the survey that minyi's programs are meant to read: in
   紫阳县 every cadre is assigned village groups and households (包组联户),
   and villagers rate the cadres who are linked to them.  It writes three
   files to OUTDIR:

     roster.csv    one row per cadre: id, name, unit, position, township,
                   the villages assigned (joined with '|') and the number of
                   households linked to the cadre;
     survey.csv    one row per response (a household rating one of its
                   cadres in one wave), with the collector, a base design
                   weight, the labelled overall item q1 and the Likert items
                   q2..q5 (5 best);
     codebook.csv  the fixed description of the items.

   What is modelled.  The county's 17 real townships get 4-10 invented
   villages each (names unique in the county), each village 4-12 groups
   (1组, 2组, ...) holding 20-60 households with county-wide ids H000001...
   Each household is a villager, group_leader or village_cadre household
   (80/12/8 per cent), and 40-70 per cent of a village's households live
   there (the rest work away, 外出务工) and can be interviewed.  Cadres are
   spread over townships roughly by size; each gets 1-3 villages of its
   township and 30-120 of their households.  Each cadre has a latent
   quality (skewed: most are good, a few are poor) and a survey intensity
   (gamma distributed, mean about 10 interviews a wave).  In every wave a
   cadre is rated by Poisson(intensity) of its resident households, at
   least 2; a household rates a cadre at most once a wave, and may rate
   several of its cadres.

   A response's latent satisfaction is the cadre's quality in that wave
   plus a respondent-type bonus (leaders and village cadres are kinder), a
   small collector effect and a respondent effect; q1 and q2..q5 are cut
   from it with their own noise, so the items agree (Cronbach's alpha
   about 0.8) and the share of 满意 or 基本满意 differs between cadres from
   about 55 to 99 per cent.  About 4 per cent of q1 answers are don't
   know (不了解, 说不清), 1.5 per cent are empty; q2..q5 are empty about 2
   per cent and NA about 1 per cent of the time.  From wave 2 on each
   cadre drifts a little and a few (6 per cent a wave) drop noticeably.
   The weight is the inverse sampling fraction of the village in the wave
   (resident households linked to some cadre / households interviewed),
   trimmed to 1..8.

   Determinism.  Everything is drawn from GSL's MT19937: the county, the
   roster and the collectors from one generator seeded with --seed, each
   wave from its own generator seeded from (seed, wave), so --waves 3
   repeats waves 1 and 2 of --waves 2.  No clock, no locale: numbers are
   printed with integer arithmetic.  The same seed gives the same bytes.

   Regenerate the files in data/ with `make sample', which runs
   `build/gen-sample --outdir data'.  By hand:

     gcc -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 tools/gen-sample.c \
       -lgsl -lgslcblas -lm -o build/gen-sample
     build/gen-sample --outdir data  */

#include <argp.h>
#include <errno.h>
#include <error.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#define DEFAULT_SEED 20260101UL
#define DEFAULT_CADRES 300
#define DEFAULT_WAVES 2
#define MAX_CADRES 9999          /* ids are C + 4 digits.  */
#define DEFAULT_BENCH_CADRES 3000
#define MAX_BENCH_CADRES 10000000 /* --rows: C + 7 digits.  */
#define MAX_WAVES 40
#define MAX_HOUSEHOLDS 999999    /* ids are H + 6 digits.  */
#define N_COLLECTORS 40          /* S01..S40.  */
#define MAX_CADRE_VILLAGES 3
#define MIN_CADRE_HOUSEHOLDS 30
#define MAX_CADRE_HOUSEHOLDS 120

const char *argp_program_version = "gen-sample (minyi) 0.1";

/* ------------------------------------------------------------------ */
/* Fixed tables.  */

/* The townships of 紫阳县 with a rough relative size, in the county's
   usual order; rows of survey.csv follow this order.  */
static const struct
{
  const char *name;
  double size;
} township_table[] = {
  { "城关镇", 10 }, { "蒿坪镇", 7 }, { "汉王镇", 6 }, { "焕古镇", 5 },
  { "向阳镇", 6 },  { "洞河镇", 6 }, { "洄水镇", 5 }, { "双桥镇", 4 },
  { "高桥镇", 5 },  { "红椿镇", 5 }, { "高滩镇", 5 }, { "毛坝镇", 5 },
  { "瓦庙镇", 4 },  { "麻柳镇", 4 }, { "双安镇", 4 }, { "东木镇", 4 },
  { "界岭镇", 3 },
};
#define N_TOWNSHIPS (sizeof township_table / sizeof township_table[0])

/* Village names: a whole name from the first list, or a first syllable
   and a second (a landform) from the other two.  */
static const char *const village_whole[] = {
  "新民", "联合", "和平", "团结", "红旗", "光明", "胜利", "幸福", "永红",
  "民主", "前进", "友爱", "新华", "新建", "兴隆", "太平", "大兴", "五一",
  "同心", "先锋", "丰收", "新桃", "春堰", "安坪",
};
static const char *const village_first[] = {
  "东", "西", "南", "北", "龙", "松", "桃", "竹", "青", "金", "银", "马",
  "白", "黄", "石", "柳", "枫", "凤", "茶", "平", "长", "大", "小", "双",
  "高", "何", "上", "中", "沙", "梅", "杨", "兰", "桂", "田", "清", "花",
  "鹿", "紫", "营", "堰", "塘", "槐", "柏", "响", "盘", "狮",
};
static const char *const village_second[] = {
  "坡", "潭", "树", "园", "河", "沟", "坪", "岭", "湾", "山", "坝", "溪",
  "庄", "垭", "梁", "口", "岩", "岗", "林", "塘", "池", "台", "院", "关",
  "寨", "滩", "田", "坎", "峪", "家",
};

/* Surnames with rough weights (common in southern Shaanxi), and given-name
   characters.  */
static const char *const surname[] = {
  "陈", "王", "张", "李", "刘", "杨", "吴", "唐", "邓", "汪", "胡", "储",
  "曹", "龚", "周", "黄", "赵", "徐", "何", "罗", "程", "鲁", "彭", "向",
  "谢", "冯", "余", "柯", "郭", "付",
};
static const double surname_weight[] = {
  9, 9, 8, 7, 7, 6, 4, 3, 3, 3, 3, 2,
  3, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 1, 2, 1,
};
static const char *const given[] = {
  "明", "华", "建", "国", "志", "军", "伟", "平", "海", "强", "文", "辉",
  "林", "勇", "杰", "涛", "斌", "超", "磊", "鹏", "红", "丽", "敏", "静",
  "燕", "霞", "芳", "娟", "玲", "婷", "雪", "萍", "梅", "兰", "春", "秋",
  "德", "成", "永", "俊", "波", "宏", "刚", "峰", "玉", "金", "新", "亮",
  "晓", "安", "云", "龙", "琴", "鑫", "宇", "飞", "洋", "帆", "荣", "贵",
};

/* County bureaus that post cadres to villages (驻村).  */
static const char *const bureau[] = {
  "县委组织部", "县委宣传部", "县农业农村局", "县教育体育局",
  "县卫生健康局", "县财政局", "县自然资源局", "县住房和城乡建设局",
  "县交通运输局", "县水利局", "县林业局", "县民政局",
  "县人力资源和社会保障局", "县市场监督管理局", "县医疗保障局",
  "县统计局", "县审计局", "县茶业发展中心",
};

/* Township leadership posts, filled in this order after 党委书记 and 镇长.  */
static const char *const leader_post[] = {
  "党委副书记", "副镇长", "人大主席", "纪委书记", "副镇长",
  "党委委员", "武装部长", "党委委员", "副镇长", "党委委员",
};

enum resp_type
{
  RT_VILLAGER,
  RT_GROUP_LEADER,
  RT_VILLAGE_CADRE,
  N_RESP_TYPES
};
static const char *const resp_type_name[N_RESP_TYPES] = {
  "villager", "group_leader", "village_cadre"
};
static const double resp_type_share[N_RESP_TYPES] = { 0.80, 0.12, 0.08 };
/* Added to the latent satisfaction: leaders answer more kindly.  */
static const double resp_type_bonus[N_RESP_TYPES] = { 0.0, 0.3, 0.5 };
/* Probability of a don't-know answer to q1.  */
static const double resp_type_dontknow[N_RESP_TYPES] = { 0.045, 0.015, 0.01 };

/* q1 codes; 0 is an empty cell.  */
static const char *const q1_label[] = {
  "", "满意", "基本满意", "不满意", "不了解", "说不清"
};
#define Q_NA 6                  /* q2..q5: 1..5, 0 empty, Q_NA "NA".  */

/* Item offsets for q2..q5 (attitude, style, integrity, efficiency): the
   respondents rate efficiency lowest and integrity highest.  */
static const double item_offset[4] = { 0.2, 0.0, 0.3, -0.2 };
/* Likert cut points on the latent scale: answer = 1 + #{cuts below}.  */
static const double likert_cut[4] = { -0.5, 0.2, 0.9, 1.8 };

static const char codebook_text[] =
  "item,column,label,values,satisfied,dontknow,weight\n"
  "overall,q1,总体满意度,满意=100|基本满意=60|不满意=0,满意|基本满意,"
  "不了解|说不清,2\n"
  "attitude,q2,服务态度,1..5,4..5,,1\n"
  "style,q3,工作作风,5=100|4=80|3=60|2=30|1=0,4|5,,1\n"
  "integrity,q4,廉洁自律,1..5,4..5,,1\n"
  "efficiency,q5,办事效率,1..5,4..5,,1\n";

/* ------------------------------------------------------------------ */
/* The model.  */

struct township
{
  const char *name;
  int first_village, n_villages;
  int n_cadres;
  int n_collectors;
  int collector[N_COLLECTORS];  /* Collector indices serving it.  */
};

struct village
{
  char name[32];
  int township;
  int n_groups;
  int first_household, n_households;
  double resident_rate;         /* Share of households living there.  */
  int frame;                    /* Resident households linked to some
                                   cadre: the sampling frame.  */
};

struct household
{
  int village;
  int group;                    /* 1-based.  */
  enum resp_type type;
  int resident;                 /* At home, so it can be interviewed.  */
};

struct cadre
{
  char name[16];
  const char *unit;             /* Static, or the township's own unit.  */
  const char *position;
  int township;
  int n_villages;
  int village[MAX_CADRE_VILLAGES];
  int n_households;
  int *household;               /* Ascending household indices.  */
  int n_resident;
  int *resident;                /* Those at home, ascending.  */
  double intensity;             /* Mean interviews per wave.  */
  double quality;               /* Latent quality in the current wave.  */
};

struct response
{
  int household;
  int cadre;
  unsigned char q[5];           /* q1 code, then q2..q5.  */
};

struct county
{
  struct township township[N_TOWNSHIPS];
  char township_unit[N_TOWNSHIPS][48];
  struct village *village;
  int n_villages;
  struct household *household;
  int n_households;
  struct cadre *cadre;
  int n_cadres;
  double collector_effect[N_COLLECTORS];
};

struct options
{
  unsigned long seed;
  long cadres;
  int waves;
  const char *outdir;
  unsigned long long rows;      /* --rows: the flat benchmark file.  */
  bool set_cadres;
};

static void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (!p)
    error (2, errno, "memory exhausted");
  return p;
}

static double
clamp (double x, double lo, double hi)
{
  return x < lo ? lo : x > hi ? hi : x;
}

static int
pick (const gsl_rng *r, size_t n)
{
  return (int) gsl_rng_uniform_int (r, n);
}

/* Split TOTAL into N parts proportional to W by the largest-remainder
   method, giving every part at least MIN when TOTAL allows.  Ties go to
   the lower index, so the result is deterministic.  */
static void
apportion (int total, const double *w, size_t n, int min, int *out)
{
  double sum = 0;
  size_t i;
  int left = total;

  for (i = 0; i < n; i++)
    sum += w[i];
  if ((long) min * (long) n > total)
    min = 0;
  for (i = 0; i < n; i++)
    {
      out[i] = min;
      left -= min;
    }
  double rem[N_TOWNSHIPS];     /* Callers split over the townships.  */
  int base = left;
  for (i = 0; i < n; i++)
    {
      double share = base * w[i] / sum;
      int whole = (int) floor (share);
      out[i] += whole;
      left -= whole;
      rem[i] = share - whole;
    }
  while (left > 0)
    {
      size_t best = 0;
      for (i = 1; i < n; i++)
        if (rem[i] > rem[best])
          best = i;
      out[best]++;
      rem[best] = -1;
      left--;
    }
}

/* Compose a village name not used before in the county (USED holds the
   N names so far) and not equal to a township's name.  */
static void
village_name (const gsl_rng *r, const struct village *used, int n,
              char *buf, size_t size)
{
  for (;;)
    {
      char stem[16];
      if (gsl_rng_uniform (r) < 0.25)
        snprintf (stem, sizeof stem, "%s",
                  village_whole[pick (r, sizeof village_whole
                                      / sizeof village_whole[0])]);
      else
        snprintf (stem, sizeof stem, "%s%s",
                  village_first[pick (r, sizeof village_first
                                      / sizeof village_first[0])],
                  village_second[pick (r, sizeof village_second
                                       / sizeof village_second[0])]);

      int clash = 0;
      for (size_t t = 0; t < N_TOWNSHIPS && !clash; t++)
        if (strncmp (township_table[t].name, stem, strlen (stem)) == 0
            && strlen (township_table[t].name) == strlen (stem) + 3)
          clash = 1;
      snprintf (buf, size, "%s村", stem);
      for (int i = 0; i < n && !clash; i++)
        if (strcmp (used[i].name, buf) == 0)
          clash = 1;
      if (!clash)
        return;
    }
}

/* Draw a household type.  The table is built once, in main.  */
static gsl_ran_discrete_t *type_table;

static enum resp_type
draw_type (const gsl_rng *r)
{
  return (enum resp_type) gsl_ran_discrete (r, type_table);
}

/* Build the townships, villages, groups and households.  */
static void
make_county (struct county *c, const gsl_rng *r)
{
  int nv[N_TOWNSHIPS], total_v = 0;

  for (size_t t = 0; t < N_TOWNSHIPS; t++)
    {
      double x = 2.0 + 0.8 * township_table[t].size
                 + gsl_ran_flat (r, -1.0, 1.0);
      nv[t] = (int) clamp (lround (x), 4, 10);
      total_v += nv[t];
    }

  c->village = xcalloc (total_v, sizeof *c->village);
  c->n_villages = 0;
  int total_h = 0;
  for (size_t t = 0; t < N_TOWNSHIPS; t++)
    {
      struct township *tw = &c->township[t];
      tw->name = township_table[t].name;
      tw->first_village = c->n_villages;
      tw->n_villages = nv[t];
      snprintf (c->township_unit[t], sizeof c->township_unit[t],
                "%s人民政府", tw->name);
      for (int k = 0; k < nv[t]; k++)
        {
          struct village *v = &c->village[c->n_villages];
          village_name (r, c->village, c->n_villages, v->name,
                        sizeof v->name);
          v->township = (int) t;
          v->n_groups = 4 + pick (r, 9);
          v->resident_rate = gsl_ran_flat (r, 0.4, 0.7);
          v->first_household = total_h;
          v->n_households = 0;
          for (int g = 0; g < v->n_groups; g++)
            v->n_households += 20 + pick (r, 41);
          total_h += v->n_households;
          c->n_villages++;
        }
    }
  if (total_h > MAX_HOUSEHOLDS)
    error (2, 0, "too many households: %d", total_h);

  /* Second pass, so that the village draws above do not depend on how
     the groups' sizes are kept.  */
  c->household = xcalloc (total_h, sizeof *c->household);
  c->n_households = total_h;
  for (int i = 0; i < c->n_villages; i++)
    {
      struct village *v = &c->village[i];
      int h = v->first_household, end = h + v->n_households;
      /* Spread the households over the groups evenly, in order.  */
      for (int k = 0; h < end; h++, k++)
        {
          struct household *hh = &c->household[h];
          hh->village = i;
          hh->group = 1 + (int) ((long) k * v->n_groups / v->n_households);
          hh->type = draw_type (r);
          hh->resident = gsl_rng_uniform (r) < v->resident_rate;
        }
    }
}

/* A plausible name, unique among the N cadres so far.  */
static void
cadre_name (const gsl_rng *r, const gsl_ran_discrete_t *sur,
            const struct cadre *used, int n, char *buf, size_t size)
{
  const size_t ng = sizeof given / sizeof given[0];
  for (;;)
    {
      const char *s = surname[gsl_ran_discrete (r, sur)];
      if (gsl_rng_uniform (r) < 0.3)
        snprintf (buf, size, "%s%s", s, given[pick (r, ng)]);
      else
        {
          int a = pick (r, ng), b = pick (r, ng);
          snprintf (buf, size, "%s%s%s", s, given[a], given[b]);
        }
      int clash = 0;
      for (int i = 0; i < n && !clash; i++)
        if (strcmp (used[i].name, buf) == 0)
          clash = 1;
      if (!clash)
        return;
    }
}

static int
cmp_int (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/* Build the roster: N cadres spread over the townships by size, each with
   a unit, a position, 1-3 villages and 30-120 of their households.  */
static void
make_cadres (struct county *c, int n, const gsl_rng *r)
{
  double w[N_TOWNSHIPS];
  int per[N_TOWNSHIPS];
  gsl_ran_discrete_t *sur
    = gsl_ran_discrete_preproc (sizeof surname / sizeof surname[0],
                                surname_weight);
  int *pool = xcalloc (c->n_households, sizeof *pool);
  char *linked = xcalloc (c->n_households, 1);

  for (size_t t = 0; t < N_TOWNSHIPS; t++)
    w[t] = township_table[t].size;
  apportion (n, w, N_TOWNSHIPS, 1, per);

  c->cadre = xcalloc (n, sizeof *c->cadre);
  c->n_cadres = 0;
  for (size_t t = 0; t < N_TOWNSHIPS; t++)
    {
      struct township *tw = &c->township[t];
      int n_gov = 0, next_post = 0;
      tw->n_cadres = per[t];
      for (int k = 0; k < per[t]; k++)
        {
          struct cadre *cd = &c->cadre[c->n_cadres];
          int nvil;

          cadre_name (r, sur, c->cadre, c->n_cadres, cd->name,
                      sizeof cd->name);
          cd->township = (int) t;

          /* Township government, or a county bureau posted here.  */
          if (k < 2 || gsl_rng_uniform (r) < 0.72)
            {
              cd->unit = c->township_unit[t];
              if (n_gov == 0)
                cd->position = "党委书记";
              else if (n_gov == 1)
                cd->position = "镇长";
              else if (next_post < (int) (sizeof leader_post
                                          / sizeof leader_post[0])
                       && gsl_rng_uniform (r) < 0.4)
                cd->position = leader_post[next_post++];
              else
                {
                  double u = gsl_rng_uniform (r);
                  cd->position = u < 0.5 ? "包村干部"
                                 : u < 0.8 ? "科员" : "站所负责人";
                }
              n_gov++;
            }
          else
            {
              double u = gsl_rng_uniform (r);
              cd->unit = bureau[pick (r, sizeof bureau / sizeof bureau[0])];
              cd->position = u < 0.2 ? "驻村第一书记"
                             : u < 0.35 ? "驻村工作队长" : "驻村工作队员";
            }

          /* Villages: the k-th cadre of a township always gets village
             k mod n, so every village has a cadre once there are enough
             of them; leaders cover more, residents (驻村) one.  */
          double u = gsl_rng_uniform (r);
          if (strncmp (cd->position, "驻村", strlen ("驻村")) == 0)
            nvil = 1;
          else if (n_gov <= 2 && cd->unit == c->township_unit[t])
            nvil = 2 + (u < 0.5);
          else
            nvil = u < 0.5 ? 1 : u < 0.85 ? 2 : 3;
          if (nvil > tw->n_villages)
            nvil = tw->n_villages;
          cd->village[0] = tw->first_village + k % tw->n_villages;
          cd->n_villages = 1;
          while (cd->n_villages < nvil)
            {
              int v = tw->first_village + pick (r, tw->n_villages);
              int dup = 0;
              for (int i = 0; i < cd->n_villages; i++)
                dup |= cd->village[i] == v;
              if (!dup)
                cd->village[cd->n_villages++] = v;
            }
          qsort (cd->village, cd->n_villages, sizeof (int), cmp_int);

          /* Households, drawn from all groups of those villages.  */
          int np = 0;
          for (int i = 0; i < cd->n_villages; i++)
            {
              const struct village *v = &c->village[cd->village[i]];
              for (int h = 0; h < v->n_households; h++)
                pool[np++] = v->first_household + h;
            }
          cd->n_households
            = MIN_CADRE_HOUSEHOLDS
              + pick (r, MAX_CADRE_HOUSEHOLDS - MIN_CADRE_HOUSEHOLDS + 1);
          if (cd->n_households > np)
            cd->n_households = np;
          cd->household = xcalloc (cd->n_households, sizeof (int));
          gsl_ran_choose (r, cd->household, cd->n_households, pool, np,
                          sizeof (int));
          cd->resident = xcalloc (cd->n_households, sizeof (int));
          cd->n_resident = 0;
          for (int i = 0; i < cd->n_households; i++)
            {
              int h = cd->household[i];
              linked[h] = 1;
              if (c->household[h].resident)
                cd->resident[cd->n_resident++] = h;
            }

          /* Latent quality: skewed, most cadres good, a few poor.
             P(satisfied) is about Phi(quality), so 0.15..2.35 spans
             56..99 per cent.  */
          cd->quality = clamp (2.35 - gsl_ran_gamma (r, 2.0, 0.5),
                               0.15, 2.35);
          cd->intensity = gsl_ran_gamma (r, 2.4, 10.0 / 2.4);
          c->n_cadres++;
        }
    }

  for (int i = 0; i < c->n_villages; i++)
    {
      struct village *v = &c->village[i];
      v->frame = 0;
      for (int h = 0; h < v->n_households; h++)
        v->frame += linked[v->first_household + h]
                    && c->household[v->first_household + h].resident;
    }

  free (linked);
  free (pool);
  gsl_ran_discrete_free (sur);
}

/* Give each of the collectors S01..S40 a home township (by size, at least
   one per township) and about a third of them a second township.  */
static void
make_collectors (struct county *c, const gsl_rng *r)
{
  double w[N_TOWNSHIPS];
  int per[N_TOWNSHIPS];
  int s = 0;

  for (size_t t = 0; t < N_TOWNSHIPS; t++)
    w[t] = township_table[t].size;
  apportion (N_COLLECTORS, w, N_TOWNSHIPS, 1, per);
  for (size_t t = 0; t < N_TOWNSHIPS; t++)
    for (int k = 0; k < per[t]; k++, s++)
      {
        struct township *tw = &c->township[t];
        tw->collector[tw->n_collectors++] = s;
      }
  for (s = 0; s < N_COLLECTORS; s++)
    {
      c->collector_effect[s] = gsl_ran_gaussian (r, 0.1);
      if (gsl_rng_uniform (r) < 0.35)
        {
          int t = pick (r, N_TOWNSHIPS);
          struct township *tw = &c->township[t];
          int dup = 0;
          for (int i = 0; i < tw->n_collectors; i++)
            dup |= tw->collector[i] == s;
          if (!dup)
            tw->collector[tw->n_collectors++] = s;
        }
    }
}

/* Draw one response of household H to cadre CD, whose latent quality in
   this wave is Q, interviewed by collector S.  The respondent's latent
   satisfaction ETA is shared by all items; each item adds its own noise,
   so q1..q5 correlate with the cadre's quality and with one another.  */
static void
make_response (const struct county *c, const gsl_rng *r, int h, double q,
               int s, struct response *out)
{
  enum resp_type type = c->household[h].type;
  double eta = q + resp_type_bonus[type] + c->collector_effect[s]
               + gsl_ran_gaussian (r, 0.6);

  /* q1: the latent cut at 0 (不满意 below) and 1 (满意 above).  */
  double y = eta + gsl_ran_gaussian (r, 0.8);
  double u = gsl_rng_uniform (r);
  if (u < 0.015)
    out->q[0] = 0;
  else if (u < 0.015 + resp_type_dontknow[type])
    out->q[0] = gsl_rng_uniform (r) < 0.62 ? 4 : 5;
  else
    out->q[0] = y > 1.0 ? 1 : y > 0.0 ? 2 : 3;

  for (int j = 0; j < 4; j++)
    {
      double z = eta + item_offset[j] + gsl_ran_gaussian (r, 0.75);
      int level = 1;
      for (int k = 0; k < 4; k++)
        level += z > likert_cut[k];
      u = gsl_rng_uniform (r);
      out->q[j + 1] = u < 0.02 ? 0 : u < 0.03 ? Q_NA : level;
    }
}

static int
cmp_response (const void *a, const void *b)
{
  const struct response *x = a, *y = b;
  if (x->household != y->household)
    return (x->household > y->household) - (x->household < y->household);
  return (x->cadre > y->cadre) - (x->cadre < y->cadre);
}

/* ------------------------------------------------------------------ */
/* Output.  */

/* Write S as one CSV field, quoted (RFC 4180) only when it needs it.  */
static void
put_field (FILE *f, const char *s)
{
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      fputs (s, f);
      return;
    }
  putc ('"', f);
  for (; *s; s++)
    {
      if (*s == '"')
        putc ('"', f);
      putc (*s, f);
    }
  putc ('"', f);
}

/* Write X >= 0 with three decimals, without printf's locale.  */
static void
put_fixed3 (FILE *f, double x)
{
  long m = lround (x * 1000.0);
  fprintf (f, "%ld.%03ld", m / 1000, m % 1000);
}

static FILE *
open_out (const char *dir, const char *name, char **path)
{
  if (asprintf (path, "%s/%s", dir, name) < 0)
    error (2, errno, "memory exhausted");
  FILE *f = fopen (*path, "w");
  if (!f)
    error (2, errno, "%s", *path);
  return f;
}

static void
close_out (FILE *f, char *path)
{
  if (ferror (f) | (fclose (f) != 0))
    error (2, errno, "%s: write error", path);
  free (path);
}

static void
write_codebook (const char *dir)
{
  char *path;
  FILE *f = open_out (dir, "codebook.csv", &path);
  fputs (codebook_text, f);
  close_out (f, path);
}

static void
write_roster (const struct county *c, const char *dir)
{
  char *path;
  FILE *f = open_out (dir, "roster.csv", &path);

  fputs ("cadre,name,unit,position,township,villages,households\n", f);
  for (int i = 0; i < c->n_cadres; i++)
    {
      const struct cadre *cd = &c->cadre[i];
      char vil[3 * 32 + 4] = "";
      for (int k = 0; k < cd->n_villages; k++)
        {
          if (k)
            strcat (vil, "|");
          strcat (vil, c->village[cd->village[k]].name);
        }
      fprintf (f, "C%04d,", i + 1);
      put_field (f, cd->name);
      putc (',', f);
      put_field (f, cd->unit);
      putc (',', f);
      put_field (f, cd->position);
      putc (',', f);
      put_field (f, c->township[cd->township].name);
      putc (',', f);
      put_field (f, vil);
      fprintf (f, ",%d\n", cd->n_households);
    }
  close_out (f, path);
}

/* The label of wave W (0-based): 2026Q1, 2026Q2, ...  */
static void
wave_label (int w, char *buf, size_t size)
{
  snprintf (buf, size, "%dQ%d", 2026 + w / 4, 1 + w % 4);
}

/* Simulate wave W and append its rows to F.  Each wave has its own
   generator, seeded from SEED and W, so adding waves leaves the earlier
   ones unchanged.  */
static void
write_wave (struct county *c, unsigned long seed, int w, FILE *f)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, (seed * 1000003UL + 7919UL * (unsigned long) (w + 1))
                  & 0xffffffffUL);
  char label[16];
  wave_label (w, label, sizeof label);

  /* Quality drifts; a few cadres drop noticeably.  */
  if (w > 0)
    for (int i = 0; i < c->n_cadres; i++)
      {
        struct cadre *cd = &c->cadre[i];
        double q = cd->quality + gsl_ran_gaussian (r, 0.08);
        if (gsl_rng_uniform (r) < 0.06)
          q -= gsl_ran_flat (r, 0.5, 0.9);
        cd->quality = clamp (q, 0.05, 2.5);
      }

  /* One collector per village in this wave.  */
  int *collector = xcalloc (c->n_villages, sizeof (int));
  for (int v = 0; v < c->n_villages; v++)
    {
      const struct township *tw = &c->township[c->village[v].township];
      collector[v] = tw->collector[pick (r, tw->n_collectors)];
    }

  /* Interviews, cadre by cadre.  */
  size_t n = 0, cap = 1024;
  struct response *resp = xcalloc (cap, sizeof *resp);
  int *chosen = xcalloc (MAX_CADRE_HOUSEHOLDS, sizeof (int));
  for (int i = 0; i < c->n_cadres; i++)
    {
      const struct cadre *cd = &c->cadre[i];
      int k = (int) gsl_ran_poisson (r, cd->intensity);
      if (k < 2)
        k = 2;
      if (k > cd->n_resident)
        k = cd->n_resident;
      gsl_ran_choose (r, chosen, k, cd->resident, cd->n_resident,
                      sizeof (int));
      for (int j = 0; j < k; j++)
        {
          if (n == cap)
            {
              cap *= 2;
              resp = realloc (resp, cap * sizeof *resp);
              if (!resp)
                error (2, errno, "memory exhausted");
            }
          int h = chosen[j];
          resp[n].household = h;
          resp[n].cadre = i;
          make_response (c, r, h, cd->quality,
                         collector[c->household[h].village], &resp[n]);
          n++;
        }
    }
  qsort (resp, n, sizeof *resp, cmp_response);

  /* Design weight per village: frame / distinct households interviewed.  */
  int *sample = xcalloc (c->n_villages, sizeof (int));
  for (size_t i = 0; i < n; i++)
    if (i == 0 || resp[i].household != resp[i - 1].household)
      sample[c->household[resp[i].household].village]++;

  for (size_t i = 0; i < n; i++)
    {
      const struct response *x = &resp[i];
      const struct household *hh = &c->household[x->household];
      const struct village *v = &c->village[hh->village];
      double weight = clamp ((double) v->frame / sample[hh->village],
                             1.0, 8.0);

      fprintf (f, "%s,", label);
      put_field (f, c->township[v->township].name);
      putc (',', f);
      put_field (f, v->name);
      fprintf (f, ",%d组,H%06d,%s,C%04d,S%02d,", hh->group,
               x->household + 1, resp_type_name[hh->type], x->cadre + 1,
               collector[hh->village] + 1);
      put_fixed3 (f, weight);
      putc (',', f);
      fputs (q1_label[x->q[0]], f);
      for (int j = 1; j < 5; j++)
        {
          putc (',', f);
          if (x->q[j] == Q_NA)
            fputs ("NA", f);
          else if (x->q[j] != 0)
            putc ('0' + x->q[j], f);
        }
      putc ('\n', f);
    }

  free (sample);
  free (chosen);
  free (resp);
  free (collector);
  gsl_rng_free (r);
}

static void
write_survey (struct county *c, const struct options *o)
{
  char *path;
  FILE *f = open_out (o->outdir, "survey.csv", &path);

  fputs ("wave,township,village,group,household,respondent_type,cadre,"
         "collector,weight,q1,q2,q3,q4,q5\n", f);
  for (int w = 0; w < o->waves; w++)
    write_wave (c, o->seed, w, f);
  close_out (f, path);
}

/* ------------------------------------------------------------------ */
/* The flat benchmark file (--rows).  */

/* The file of make bench (bench/README.md): ROWS responses in one wave,
   12 columns, to standard output.  Each row is drawn on its own, so the
   rows come in random order (no cadre's rows together): a cadre uniformly
   among O->cadres, a household among 60 of the cadre's village, a
   respondent type, a collector, a weight 1..8 (three decimals), and three
   Likert items 1..5 cut from the cadre's latent quality plus noise.
   q_overall is empty 2 per cent of the time, q_attitude and q_efficiency
   2 per cent empty and 1 per cent NA.  Every cadre has its township and
   village fixed by its number.  Rows are about 73 bytes: 10^7 rows make
   about 730 MB.  Numbers are formatted by hand into one buffer (fprintf
   on every field would make the generator slower than the programs it
   feeds).  */

static char *
put_uint (char *p, unsigned long v, int width)
{
  char tmp[24];
  int n = 0;
  do
    tmp[n++] = (char) ('0' + v % 10);
  while ((v /= 10) != 0);
  while (n < width)
    tmp[n++] = '0';
  while (n)
    *p++ = tmp[--n];
  return p;
}

static char *
put_str (char *p, const char *s)
{
  size_t n = strlen (s);
  memcpy (p, s, n);
  return p + n;
}

/* The Likert answer 1..5 of latent Z (the cut points of likert_cut).  */
static int
likert (double z)
{
  int level = 1;
  for (int k = 0; k < 4; k++)
    level += z > likert_cut[k];
  return level;
}

static void
write_bench (const struct options *o)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, o->seed);
  size_t nc = (size_t) o->cadres;
  double *quality = xcalloc (nc, sizeof *quality);
  unsigned *place = xcalloc (nc, sizeof *place);
  size_t nfirst = sizeof village_first / sizeof *village_first;
  size_t nsecond = sizeof village_second / sizeof *village_second;
  for (size_t i = 0; i < nc; i++)
    {
      /* Mostly good, a few poor: as the county model's cadres.  */
      quality[i] = clamp (1.9 - gsl_ran_gamma (r, 2.0, 0.35), -0.5, 2.5);
      place[i] = (unsigned) gsl_rng_uniform_int (r, 1UL << 30);
    }

  static char buf[1 << 16];
  char *p = buf;
  p = put_str (p, "wave,township,village,group,household,respondent_type,"
                  "cadre,collector,weight,q_overall,q_attitude,"
                  "q_efficiency\n");
  for (unsigned long long row = 0; row < o->rows; row++)
    {
      if (p - buf > (long) sizeof buf - 512)
        {
          if (fwrite (buf, 1, (size_t) (p - buf), stdout)
              != (size_t) (p - buf))
            error (2, errno, "standard output");
          p = buf;
        }
      size_t c = (size_t) gsl_rng_uniform_int (r, nc);
      unsigned pl = place[c];
      enum resp_type type = draw_type (r);
      p = put_str (p, "2026Q1,");
      p = put_str (p, township_table[pl % N_TOWNSHIPS].name);
      *p++ = ',';
      p = put_str (p, village_first[(pl / 17) % nfirst]);
      p = put_str (p, village_second[(pl / 17 / nfirst) % nsecond]);
      p = put_str (p, "村,");
      p = put_uint (p, 1 + gsl_rng_uniform_int (r, 12), 0);
      p = put_str (p, "组,H");
      p = put_uint (p, (pl % 100000) * 60 + gsl_rng_uniform_int (r, 60), 7);
      *p++ = ',';
      p = put_str (p, resp_type_name[type]);
      p = put_str (p, ",C");
      p = put_uint (p, c + 1, 7);
      p = put_str (p, ",S");
      p = put_uint (p, 1 + (pl / 7) % N_COLLECTORS, 2);
      *p++ = ',';
      /* The weight: 1.000 .. 8.000, in thousandths.  */
      unsigned long w = 1000 + gsl_rng_uniform_int (r, 7001);
      p = put_uint (p, w / 1000, 0);
      *p++ = '.';
      p = put_uint (p, w % 1000, 3);
      double eta = quality[c] + resp_type_bonus[type]
                   + gsl_ran_gaussian (r, 0.6);
      /* q_overall, then q_attitude and q_efficiency.  */
      double u = gsl_rng_uniform (r);
      *p++ = ',';
      if (u >= 0.02)
        *p++ = (char) ('0' + likert (eta + gsl_ran_gaussian (r, 0.75)));
      for (int j = 0; j < 2; j++)
        {
          *p++ = ',';
          u = gsl_rng_uniform (r);
          if (u < 0.02)
            continue;
          if (u < 0.03)
            p = put_str (p, "NA");
          else
            *p++ = (char) ('0' + likert (eta + item_offset[3 * j]
                                         + gsl_ran_gaussian (r, 0.75)));
        }
      *p++ = '\n';
    }
  if (fwrite (buf, 1, (size_t) (p - buf), stdout) != (size_t) (p - buf)
      || fflush (stdout) != 0 || ferror (stdout))
    error (2, errno, "standard output");
  free (place);
  free (quality);
  gsl_rng_free (r);
}

/* ------------------------------------------------------------------ */
/* Options.  */

static const char doc[] =
  "Write a synthetic villager satisfaction survey of 紫阳县 to OUTDIR: "
  "survey.csv, roster.csv and codebook.csv."
  "\v"
  "The same seed and options always give byte-identical files.\n\n"
  "Exit status: 0 success, 2 usage or system error.\n\n"
  "With --rows, write instead the flat benchmark file of make bench "
  "(bench/README.md) to standard output: N rows in random order, 12 "
  "columns (q_overall, q_attitude, q_efficiency: Likert 1..5), --cadres "
  "cadres (default 3000, at most 10000000).\n\n"
  "Example: gen-sample --seed 7 --cadres 120 --outdir /tmp/sample\n"
  "         gen-sample --rows 100000 > /tmp/bench.csv\n";

static const struct argp_option option_table[] = {
  { "seed", 's', "N", 0, "seed of the random generator (default 20260101)",
    0 },
  { "cadres", 'c', "N", 0, "number of cadres (default 300, at most 9999)",
    0 },
  { "waves", 'w', "N", 0, "number of waves from 2026Q1 on (default 2, "
    "at most 40)", 0 },
  { "outdir", 'o', "DIR", 0, "directory to write to (default \"data\"); "
    "created if missing", 0 },
  { "rows", 'r', "N", 0, "write the flat benchmark file of N rows to "
    "standard output instead (make bench)", 0 },
  { NULL, 0, NULL, 0, NULL, 0 }
};

/* Parse ARG as a whole decimal number in LO..HI, or fail through argp.  */
static unsigned long
parse_number (const char *arg, unsigned long lo, unsigned long hi,
              const char *what, struct argp_state *state)
{
  char *end;
  errno = 0;
  if (*arg < '0' || *arg > '9')
    argp_error (state, "invalid %s '%s'", what, arg);
  unsigned long v = strtoul (arg, &end, 10);
  if (*end != '\0')
    argp_error (state, "invalid %s '%s'", what, arg);
  if (errno == ERANGE || v < lo || v > hi)
    argp_error (state, "%s '%s' outside %lu..%lu", what, arg, lo, hi);
  return v;
}

static error_t
parse_opt (int key, char *arg, struct argp_state *state)
{
  struct options *o = state->input;

  switch (key)
    {
    case 's':
      o->seed = parse_number (arg, 0, 0xffffffffUL, "seed", state);
      break;
    case 'c':
      o->cadres = (long) parse_number (arg, 1, MAX_BENCH_CADRES, "cadres",
                                       state);
      o->set_cadres = true;
      break;
    case 'r':
      o->rows = parse_number (arg, 1, 4000000000UL, "rows", state);
      break;
    case ARGP_KEY_END:
      if (o->rows == 0 && o->cadres > MAX_CADRES)
        argp_error (state, "cadres '%ld' outside 1..%d (more only with "
                           "--rows)", o->cadres, MAX_CADRES);
      if (o->rows && !o->set_cadres)
        o->cadres = DEFAULT_BENCH_CADRES;
      break;
    case 'w':
      o->waves = (int) parse_number (arg, 1, MAX_WAVES, "waves", state);
      break;
    case 'o':
      if (*arg == '\0')
        argp_error (state, "empty output directory");
      o->outdir = arg;
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp argp = { option_table, parse_opt, NULL, doc,
                                  NULL, NULL, NULL };

int
main (int argc, char **argv)
{
  struct options o = { DEFAULT_SEED, DEFAULT_CADRES, DEFAULT_WAVES, "data",
                       0, false };
  struct county c;

  program_invocation_name = program_invocation_short_name;
  argp_err_exit_status = 2;
  argp_parse (&argp, argc, argv, 0, NULL, &o);
  if (o.rows)
    {
      type_table = gsl_ran_discrete_preproc (N_RESP_TYPES, resp_type_share);
      write_bench (&o);
      gsl_ran_discrete_free (type_table);
      return 0;
    }

  if (mkdir (o.outdir, 0777) != 0 && errno != EEXIST)
    error (2, errno, "%s", o.outdir);

  memset (&c, 0, sizeof c);
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, o.seed);
  type_table = gsl_ran_discrete_preproc (N_RESP_TYPES, resp_type_share);
  make_county (&c, r);
  make_cadres (&c, (int) o.cadres, r);
  make_collectors (&c, r);
  gsl_rng_free (r);

  write_codebook (o.outdir);
  write_roster (&c, o.outdir);
  write_survey (&c, &o);

  for (int i = 0; i < c.n_cadres; i++)
    {
      free (c.cadre[i].household);
      free (c.cadre[i].resident);
    }
  free (c.cadre);
  free (c.household);
  free (c.village);
  gsl_ran_discrete_free (type_table);
  return 0;
}
