/* fuzz-deadline.c - libFuzzer target: the service log read by the
   deadline engine (lib/service/deadline.c, mn_deadline_bind and _add,
   through lib/service/clock.c), with the 2014 calendar, the sample
   catalogue (and tests/data's) and penalty rules as fixed companions.

   Every record is accepted or rejected with a reason; the items counted
   are those accepted; the department table, the item list and the
   warning list are written.  */
#include <stdint.h>
#include <stdlib.h>

#include "io/input.h"
#include "service/caltime.h"
#include "service/deadline.h"
#include "fuzz.h"

static int
add (void *d, const struct mn_record *rec, const char *file,
     struct mn_error *e)
{
  return mn_deadline_add (d, rec, file, e);
}

static const char calendar[] =
  "date,kind,name\n"
  "2014-01-01,holiday,元旦\n"
  "2014-01-26,workday,春节调休\n"
  "2014-01-31,holiday,春节\n"
  "2014-02-01,holiday,春节\n"
  "2014-02-02,holiday,春节\n"
  "2014-02-03,holiday,春节\n"
  "2014-02-04,holiday,春节\n"
  "2014-02-05,holiday,春节\n"
  "2014-02-06,holiday,春节\n"
  "2014-02-08,workday,春节调休\n"
  "2014-04-05,holiday,清明节\n"
  "2014-04-06,holiday,清明节\n"
  "2014-04-07,holiday,清明节\n"
  "2014-05-01,holiday,劳动节\n"
  "2014-05-02,holiday,劳动节\n"
  "2014-05-03,holiday,劳动节\n"
  "2014-05-04,workday,劳动节调休\n"
  "2014-05-31,holiday,端午节\n"
  "2014-06-01,holiday,端午节\n"
  "2014-06-02,holiday,端午节\n"
  "2014-09-06,holiday,中秋节\n"
  "2014-09-07,holiday,中秋节\n"
  "2014-09-08,holiday,中秋节\n"
  "2014-09-28,workday,国庆节调休\n"
  "2014-10-01,holiday,国庆节\n"
  "2014-10-02,holiday,国庆节\n"
  "2014-10-03,holiday,国庆节\n"
  "2014-10-04,holiday,国庆节\n"
  "2014-10-05,holiday,国庆节\n"
  "2014-10-06,holiday,国庆节\n"
  "2014-10-07,holiday,国庆节\n"
  "2014-10-11,workday,国庆节调休\n";

static const char catalogue[] =
  "service,department,statutory,promised,name\n"
  "GA01,公安,20,7,户口迁入\n"
  "GA02,公安,60,20,居民身份证换领\n"
  "GT01,国土资源,20,15,农村宅基地审批\n"
  "GT02,国土资源,20,10,土地登记\n"
  "MZ01,民政,30,20,城乡低保申请\n"
  "MZ02,民政,5,1,婚姻登记\n"
  "RS01,人社,10,5,城乡居民养老保险参保登记\n"
  "RS02,人社,5,3,就业失业登记\n"
  "ZJ01,住建,20,12,建设工程规划许可\n"
  "ZJ02,住建,15,10,建筑工程施工许可\n"
  "GS01,工商,15,3,个体工商户注册登记\n"
  "GS02,工商,5,2,企业名称预先核准\n"
  "WJ01,卫计,10,5,生育服务证办理\n"
  "WJ02,卫计,20,10,食品卫生许可\n"
  "A1,民政,10,5,城乡低保申请\n"
  "B1,工商,5,3,个体工商户注册登记\n";

static const char rules[] =
  "rule,value\n"
  "overdue_item_points,1\n"
  "overdue_day_points,0.5\n"
  "warn_days,2\n"
  "closing_time,17:30\n";

static struct mn_calendar cal;
static struct mn_catalogue cat;
static struct mn_rules rul;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  struct mn_error e = { 0 };
  check (mn_calendar_load (&cal, fixture_file ("cal", calendar), &e) == 0
         && mn_catalogue_load (&cat, fixture_file ("cat", catalogue), &e) == 0
         && mn_rules_load (&rul, fixture_file ("rules", rules), &e) == 0,
         "the fixed companion files load");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mn_input in;
  struct mn_error e = { 0 };
  if (!input_scratch (&in, data, size))
    return 0;
  /* The first byte chooses the options.  */
  unsigned char o = size ? data[0] : 0;
  struct out items;
  out_open (&items);
  struct mn_deadline_opts opts = {
    .cal = &cal, .cat = &cat, .rules = &rul,
    .statutory = o & 1, .as_of = 16353LL * MN_DAY_SECONDS + 12 * 3600,
    .warn = (o >> 1) & 3, .from = o & 8 ? 16330 : MN_DAY_MIN,
    .to = o & 16 ? 16350 : MN_DAY_MAX, .by_window = o & 32,
    .method = MN_CI_WILSON, .level = 0.95, .items = items.fp
  };
  struct mn_deadline *d = mn_deadline_new (&opts);
  if (mn_deadline_bind (d, &in, &e) == 0)
    {
      size_t used = feed_rows (&in, add, d);
      struct mn_deadline_summary s;
      mn_deadline_summary (d, &s);
      check (s.items == used, "the items counted are those accepted");
      check (s.in_period <= s.items && s.on_time <= s.completed,
             "the summary's counts");
      struct out t;
      out_open (&t);
      mn_deadline_write_table (d, o & 64 ? 4 : 0, t.fp, &e);
      mn_deadline_write_item_header (t.fp);
      mn_deadline_write_warnings (d, t.fp);
      out_close (&t);
      free (t.buf);
    }
  else
    check (e.reason != MN_R_NONE, "an error says why");
  mn_deadline_free (d);
  mn_input_close (&in);
  out_close (&items);
  free (items.buf);
  return 0;
}
