#!/usr/bin/perl
# tests/gen-survey.pl ROWS SEED HOSTILE - a 12-column survey for the
# reader's tests (tests/fastpath.sh, tests/threads.sh); with HOSTILE,
# about one row in 8 is one of the hard cases: quoted fields with commas,
# doubled quotes and line breaks (LF and CRLF), CRLF, bare-CR and blank
# line ends, stray quotes, bytes not UTF-8, NUL bytes, ragged rows; with
# HOSTILE 2, the file ends inside a quoted field.
use strict;
use warnings;
my ($rows, $seed, $hostile) = @ARGV;
srand($seed);
my @tw = ("城关镇", "蒿坪镇", "汉王镇", "洞河镇");
print "wave,township,village,group,household,respondent_type,cadre,",
      "collector,weight,q_overall,q2,q3\n";
for my $i (1 .. $rows) {
  my $c = int(rand(50));
  my @f = ("2026Q" . (1 + int(rand(4))), $tw[$c % 4], "村" . ($c % 7),
           (1 + int(rand(9))) . "组", sprintf("H%06d", int(rand(1e6))),
           "villager", sprintf("C%03d", $c), "S" . int(rand(9)),
           sprintf("%.3f", 0.5 + rand(3)), int(rand(6)) || "",
           1 + int(rand(5)), 1 + int(rand(5)));
  my $eol = "\n";
  if ($hostile && rand() < 0.125) {
    my $k = int(rand(14));
    if ($k == 0) { $f[2] = "\"$f[2], 北\"" }
    elsif ($k == 1) { $f[7] = "\"say \"\"hi\"\"\"" }
    elsif ($k == 2) { $f[2] = "\"two\nlines\"" }
    elsif ($k == 3) { $f[2] = "\"crlf\r\ninside\"" }
    elsif ($k == 4) { $eol = "\r\n" }
    elsif ($k == 5) { $eol = "\r" }
    elsif ($k == 6) { $eol = "\n\n\r\n" }
    elsif ($k == 7) { $f[7] = "a\"b" }
    elsif ($k == 8) { $f[1] = "\xB3\xC7\xB9\xD8" }
    elsif ($k == 9) { $f[7] = "x\0y" }
    elsif ($k == 10) { pop @f }
    elsif ($k == 11) { push @f, "extra" }
    elsif ($k == 12) { $f[6] = "\"$f[6]\"" }
    else { $f[9] = "\"4\"" }
  }
  print join(",", @f), $eol;
}
print "2026Q1,城关镇,村1,1组,H1,villager,C001,S1,1,4,4,\"open\n"
  if $hostile > 1;
  
