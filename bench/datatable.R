# bench/datatable.R FILE THREADS OUT - the benchmark's job in R data.table
# (Debian r-cran-data.table).  THREADS: a number, or "default" (data.table's
# own default, half the logical cores).  Writes OUT: cadre, n, sat, wrate,
# sw, sw2, mean, one row per cadre over the rows whose q_overall is not
# empty.
suppressPackageStartupMessages(library(data.table))
a <- commandArgs(trailingOnly = TRUE)
if (a[2] != "default") setDTthreads(as.integer(a[2]))
# Only the three columns the job needs, as an R user would read them.
d <- fread(a[1], select = c("cadre", "weight", "q_overall"),
           colClasses = list(character = "cadre", numeric = "weight",
                             integer = "q_overall"),
           na.strings = "")
r <- d[!is.na(q_overall),
       .(n = .N, sat = sum(q_overall >= 4L),
         wrate = sum(weight[q_overall >= 4L]) / sum(weight),
         sw = sum(weight), sw2 = sum(weight * weight),
         mean = mean(q_overall)),
       keyby = cadre]
fwrite(r, a[3])
