# funnel-ref.R - the expected values of tests/unit/test-funnel.c, computed
# independently of minyi in R 4.2.2 (Debian r-base-core 4.2.2.20221110-2):
#
#   Rscript tests/unit/funnel-ref.R > funnel-ref.out
#
# and pasted unchanged into test-funnel.c.  R is not needed to run the
# tests.  options(warn = 2) stops on any warning (e.g. from qbinom).
options(warn = 2)
g <- function(v) sprintf("%.17g", v)
row <- function(...) cat("  {", paste(g(c(...)), collapse = ", "), "},\n")

# 1. Exact binomial limits with Spiegelhalter's (2005, app. A.1.1)
# interpolation: for p < 1/2, r_p the p quantile of Binomial(n, p0),
# alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)), limit (r_p - alpha) / n,
# clamped to [0, 1]; for p > 1/2 the same on the failures, n - X ~
# Binomial(n, 1 - p0): 1 - lower(1 - p0, n, 1 - p) (see funnel.c for
# why).  r_p is checked against its definition, since qbinom allows a
# fuzz of 64 DBL_EPSILON.
low <- function(p0, n, p) {
  r <- qbinom(p, n, p0)
  F <- function(k) pbinom(k, n, p0)
  stopifnot(F(r) >= p, r == 0 || F(r - 1) < p)
  a <- (F(r) - p) / (F(r) - F(r - 1))
  min(1, max(0, (r - a) / n))
}
lim <- function(p0, n, p) if (p < .5) low(p0, n, p) else 1 - low(1 - p0, n, 1 - p)
cat("# p0, n, p; exact interpolated limit.\n")
for (p0 in c(1e-4, .5, .8, .95, .99, .9999))
  for (n in c(5, 20, 100, 1000, 1e6, 1e7))
    for (p in c(.001, .025, .975, .999))
      row(p0, n, p, lim(p0, n, p))

# 2. The same for a non-integral n, from the beta form of the binomial
# distribution function that extends to real n: F(r) = 1 - I_p0(r + 1,
# n - r) for 0 <= r < n, 1 for r >= n, 0 for r < 0 (pbeta, TOMS 708).
Fr <- function(k, n, p0) {
  if (k < 0) return(0)
  if (k >= n) return(1)
  pbeta(p0, k + 1, n - k, lower.tail = FALSE)
}
lowr <- function(p0, n, p) {
  r <- max(0, qbinom(p, floor(n), p0) - 20)
  while (r > 0 && Fr(r - 1, n, p0) >= p) r <- r - 1
  while (Fr(r, n, p0) < p) r <- r + 1
  a <- (Fr(r, n, p0) - p) / (Fr(r, n, p0) - Fr(r - 1, n, p0))
  min(1, max(0, (r - a) / n))
}
limr <- function(p0, n, p) if (p < .5) lowr(p0, n, p) else 1 - lowr(1 - p0, n, 1 - p)
cat("# p0, n, p; exact interpolated limit, non-integral n (pbeta).\n")
for (p0 in c(.3, .9, .97)) for (n in c(5.5, 52.8, 2345678.9))
  for (p in c(.001, .025, .975, .999))
    row(p0, n, p, limr(p0, n, p))
# The pbeta form at integral n agrees with pbinom: the largest relative
# difference over part 1's grid (n <= 1e6) is printed here.
w <- 0
for (p0 in c(1e-4, .5, .8, .95, .99, .9999)) for (n in c(5, 20, 100, 1000, 1e6))
  for (p in c(.001, .025, .975, .999)) {
    a <- lim(p0, n, p); b <- limr(p0, n, p)
    if (a != 0) w <- max(w, abs(b / a - 1)) else stopifnot(b == 0) }
cat("# pbeta form vs pbinom form, worst relative difference:", g(w), "\n")

# 3. Over-dispersion on a fixed set of 12 cadres (satisfied x of n).
# z = (y - p0) / sqrt(p0 (1 - p0) / n); 10 % winsorisation at the 10th
# and 90th percentiles by Hyndman & Fan's definition 7, written out here
# and checked against quantile(type = 7); phi = mean of winsorised z^2;
# K phi against chi2 with K (target given) and K - 1 (target from the
# data) degrees of freedom; DerSimonian-Laird tau2 = (K phi - (K - 1)) /
# (sum w - sum w^2 / sum w), w = n / (p0 (1 - p0)), truncated at 0.
q7 <- function(x, q) { s <- sort(x); h <- (length(s) - 1) * q
  j <- floor(h); if (j + 1 >= length(s)) return(s[length(s)])
  s[j + 1] + (h - j) * (s[j + 2] - s[j + 1]) }
od <- function(x, n, p0, from_data) {
  y <- x / n; z <- (y - p0) / sqrt(p0 * (1 - p0) / n)
  lo <- q7(z, .1); hi <- q7(z, .9)
  stopifnot(abs(c(lo, hi) - quantile(z, c(.1, .9), type = 7, names = FALSE))
            <= 1e-15 * max(abs(z)))
  zw <- pmin(pmax(z, lo), hi); K <- length(z)
  phi <- sum(zw^2) / K; df <- if (from_data) K - 1 else K
  w <- n / (p0 * (1 - p0))
  tau2 <- max(0, (K * phi - (K - 1)) / (sum(w) - sum(w^2) / sum(w)))
  c(K, lo, hi, phi, df, K * phi, pchisq(K * phi, df, lower.tail = FALSE), tau2)
}
x1 <- c(6, 9, 20, 38, 44, 75, 85, 140, 169, 171, 300, 430)
n1 <- c(6, 12, 25, 40, 55, 80, 100, 150, 180, 200, 320, 500)
cat("# K, z_lo, z_hi, phi, df, chi2, p, tau2: set 1, p0 = 0.9 given.\n")
row(od(x1, n1, .9, FALSE))
p1 <- sum(x1) / sum(n1)
cat("# set 1, p0 = overall rate", g(p1), "from the data.\n")
row(od(x1, n1, p1, TRUE))
x2 <- c(18, 27, 44, 90, 178, 361)
n2 <- c(20, 30, 50, 100, 200, 400)
cat("# set 2 (under-dispersed, tau2 truncated at 0), p0 = 0.9 given.\n")
row(od(x2, n2, .9, FALSE))
cat("# K = 2: x = (3, 9) of n = (10, 10), p0 = 0.5 given.\n")
row(od(c(3, 9), c(10, 10), .5, FALSE))

# 4. Inflated limits at n, p0 = 0.9, for set 1's phi and tau2:
# p0 +- qnorm(1 - p) sqrt(max(phi, 1) p0 (1 - p0) / n) and
# p0 +- qnorm(1 - p) sqrt(p0 (1 - p0) / n + tau2), clamped to [0, 1].
o <- od(x1, n1, .9, FALSE); phi <- o[4]; tau2 <- o[8]
cat("# n; multiplicative lo95, hi95, lo998, hi998; additive the same.\n")
for (n in c(5, 50, 500, 5000, 5e6)) {
  v <- .9 * .1 / n
  f <- function(se) pmin(1, pmax(0, .9 + c(-1, 1, -1, 1) *
         rep(qnorm(c(.975, .999)), each = 2) * se))
  row(n, f(sqrt(max(phi, 1) * v)), f(sqrt(v + tau2)))
}
