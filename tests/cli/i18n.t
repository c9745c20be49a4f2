# Messages in the user's language (gettext; po/zh_CN.po).  Each case sets
# its own locale: LANGUAGE=zh_CN in C.UTF-8 (honoured there, ignored in
# C), or the zh_CN.UTF-8 locale through tests/zh.sh.  Tables, their
# column names and numbers are the same bytes whatever the language.

=== a rejected record's message in Chinese under LANGUAGE=zh_CN; the reason codes stay
cmd: LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-score -c codebook.csv badvalue.csv > /dev/null
exit: 1
stderr:
minyi-score:badvalue.csv:2: 题目 'attitude' 的答案 '7' 超出量表 1..5
minyi-score:badvalue.csv:3: 题目 'overall' 的答案 '很满意' 不在其量表上（满意|基本满意|不满意）
minyi-score:badvalue.csv:4: 题目 'attitude' 的答案 'abc' 不是量表 1..5 上的数
minyi-score:badvalue.csv:5: 题目 'attitude' 的答案 '3.5' 不是量表 1..5 上的整数
minyi-score:badvalue.csv:6: 分组键 'cadre' 为空
minyi-score: badvalue.csv: 共 6 条记录，使用 1 条，剔除 5 条 (empty-key 1, bad-value 3, bad-number 1)

=== the C locale keeps English whatever LANGUAGE says
cmd: LC_ALL=C LANGUAGE=zh_CN minyi-score -c codebook.csv badvalue.csv > /dev/null
exit: 1
stderr:
minyi-score:badvalue.csv:2: answer '7' to item 'attitude' outside scale 1..5
minyi-score:badvalue.csv:3: answer '很满意' to item 'overall' is not on its scale (满意|基本满意|不满意)
minyi-score:badvalue.csv:4: answer 'abc' to item 'attitude' is not a number on scale 1..5
minyi-score:badvalue.csv:5: answer '3.5' to item 'attitude' is not a whole number on scale 1..5
minyi-score:badvalue.csv:6: empty group key 'cadre'
minyi-score: badvalue.csv: 6 records, 1 used, 5 rejected (empty-key 1, bad-value 3, bad-number 1)

=== the zh_CN.UTF-8 locale alone gives Chinese: a roster check, a system error
cmd: sh ../zh.sh minyi-check -c codebook.csv -R roster.csv check.csv nosuch.csv > /dev/null 2> $T/err; head -n 4 $T/err; grep nosuch $T/err
exit: 0
stdout:
minyi-check:check.csv:5: 户 'H1' 已对干部 'C1' 评价过（轮次 '2026Q1'），见第 2 行
minyi-check:check.csv:7: 干部 'C9' 不在名册中
minyi-check:check.csv:8: 干部 'C1' 联系的是 城关镇，而不是 蒿坪镇
minyi-check:check.csv:9: 干部 'C1' 未分配到村 南山村
minyi-check: nosuch.csv: 无法打开：没有那个文件或目录

=== a usage error and argp's hint in Chinese
cmd: LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-score --level 2
exit: 2
stderr:
minyi-score: 置信水平 必须是 0 与 1 之间的数，而不是 '2'
详见“minyi-score --help”或“minyi-score --usage”。

=== --help in Chinese: argp's own lines, the summary, the groups and the options
cmd: LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-merge --help > $T/help; head -n 3 $T/help; grep -e '^ 区间：' -e '--strict' -e '^  -?, --help' -e '^  -V, --version' -e '^请将问题' $T/help
exit: 0
stdout:
用法： minyi-merge [选项...] [FILE...]
把各部分计分表（minyi-score --partial）相加成计分表，结果与 minyi-score 一次处
理全部记录所得的字节完全相同。
 区间：
      --strict               遇到第一条被剔除的记录即停止，不写出任何输出
  -?, --help                 给出此帮助列表
  -V, --version              显示程序版本
请将问题报告至 minyi 的问题跟踪系统。

=== --help in Chinese: the description wrapped at 79 columns of display width, each option on one line, the same through the front command
cmd: LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-rank --help > $T/a; LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi rank --help > $T/b; cmp $T/a $T/b && sed -n '/^未给出 FILE/,/^$/p' $T/a && grep -c '^  *--[a-z-]*=*[A-Z]*  *[^ -~]' $T/a | awk '$1 >= 15 { print "options on one line each" }'
exit: 0
stdout:
未给出 FILE 或 FILE 为 - 时，读取标准输入：即 minyi-score 或 minyi-adjust 写出
的计分表。排名写到标准输出，逐层按名次排列，并列及未排名的行按键排列；参见
minyi-rank(1)。

options on one line each

=== --help in English in the C locale, the same options
cmd: LC_ALL=C LANGUAGE=zh_CN minyi-merge --help > $T/help; head -n 1 $T/help; grep -e '--strict' -e '^Report' $T/help
exit: 0
stdout:
Usage: minyi-merge [OPTION...] [FILE...]
      --strict               stop at the first rejected record, writing no
Report bugs to the minyi issue tracker.

=== the front command lists the programs in Chinese
cmd: sh ../zh.sh minyi | head -n 3
exit: 0
stdout:
minyi 套件中的程序（用 minyi PROGRAM --help 查看单个程序）：
  check    按编码表和名册校验问卷导出数据
  weight   调查权重：按边际进行迭代比例加权和事后分层

=== a plural: one wave, in Chinese
cmd: LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-check -c codebook.csv good.csv 2>&1 >/dev/null | grep 轮次
exit: 0
stdout:
minyi-check: 1 个轮次：2026Q1：7 行

=== tables are the same bytes in C, in C.UTF-8 with LANGUAGE=zh_CN and in zh_CN.UTF-8: score, adjust, rank, report, check and its --report, weight, trend
cmd: for loc in c lang zh; do case $loc in c) run="env LC_ALL=C";; lang) run="env LC_ALL=C.UTF-8 LANGUAGE=zh_CN";; zh) run="sh ../zh.sh";; esac; $run minyi-score -q -c codebook.csv good.csv > $T/score.$loc && $run minyi-adjust -q < $T/score.$loc > $T/adj.$loc && $run minyi-rank -q --draws 200 < $T/adj.$loc > $T/rank.$loc && $run minyi-report -q --width 100 < $T/rank.$loc > $T/report.$loc && $run minyi-report -q --format html < $T/rank.$loc > $T/html.$loc; $run minyi-check -q -c codebook.csv -R roster.csv --report $T/checkrep.$loc check.csv > $T/check.$loc; $run minyi-rank -q --draws 200 --explain C2 < $T/adj.$loc > $T/explain.$loc; $run minyi-weight -q -M weight-margins.csv weight-survey.csv > $T/weight.$loc; $run minyi-score -q -w weight -i q -s 4..5 -g wave,cadre trend.csv | $run minyi-trend -q --wave wave=W1,W2 > $T/trend.$loc; $run minyi-score -q --partial -c codebook.csv good.csv > $T/part.$loc; done; for f in score adj rank report html check checkrep weight trend part; do cmp $T/$f.c $T/$f.lang && cmp $T/$f.c $T/$f.zh && test -s $T/$f.c && echo "$f same"; done
exit: 0
stdout:
score same
adj same
rank same
report same
html same
check same
checkrep same
weight same
trend same
part same

=== minyi-rank --explain in Chinese under LANGUAGE=zh_CN, the numbers in the C locale; the same words in zh_CN.UTF-8
cmd: LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-rank -q --by-stat rate --policy rank-policy.csv --digits 6 --explain C2 rank-three.csv > $T/lang && sh ../zh.sh minyi-rank -q --by-stat rate --policy rank-policy.csv --digits 6 --explain C2 rank-three.csv > $T/zh && cmp $T/lang $T/zh && cat $T/lang
exit: 0
stdout:
C2：18 个满意，共 20 个回答，满意率 0.9。
按 rate（rate）排名：第 2 名，共 3 名，并列者同名次。
其 rate 为 0.9。
抽取 10000 次（种子 1），取自其后验分布 Beta(18.5, 2.5)（Jeffreys 先验），其排名的中位数为 2，95% 区间为 1 至 3；P(前 10%) = 0.1924。
政策第 2 行，档次 A：P(rate>=0.9) >= 0.5；P(rate>=0.9) 为 0.458132。不满足：看下一条规则。
政策第 3 行，档次 B：以上皆不满足。判定：B。

=== minyi-rank --explain within strata, dense, in Chinese; the tier_rule column of the table stays English
cmd: printf 'wave,cadre,rows,n,sat,rate,lo,hi,dk,miss,level,method\nW1,C1,4,4,4,1,0.51,1,0,0,0.95,wilson\nW2,C2,5,5,4,0.8,0.37,0.96,0,0,0.95,wilson\nW2,C3,5,5,4,0.8,0.37,0.96,0,0,0.95,wilson\n' > $T/w.csv && LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-rank -q --by-stat rate --within wave --dense --draws 0 --explain W2,C3 $T/w.csv && LC_ALL=C.UTF-8 LANGUAGE=zh_CN minyi-rank -q --by-stat rate --policy rank-policy.csv --digits 6 rank-three.csv | tail -n 1
exit: 0
stdout:
W2,C3：4 个满意，共 5 个回答，满意率 0.8。
按 rate（rate）排名：第 1 名，共 2 名（在 W2 内），密集排名。
其 rate 为 0.8。
C2,20,18,0.9,2,3,2,1,3,0.1924,jeffreys,B,line 3: none of the above

=== the column names of every table stay ASCII under zh_CN.UTF-8
cmd: sh ../zh.sh minyi-score -q -c codebook.csv good.csv | head -n 1 | LC_ALL=C grep -c '^[ -~]*$'
exit: 0
stdout:
1
