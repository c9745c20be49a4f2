# tests/unit/betabin-ref.R - run as `Rscript tests/unit/betabin-ref.R` (R 4.2.2);
# its output is pasted into tests/unit/test-betabin.c.
# ref.R - reference values for tests/unit/test-betabin.c, independent of
# minyi: the beta-binomial ML by R's optim on (log alpha, log beta), then
# Newton steps with optim's own Hessian; posterior intervals by qbeta.
g <- function(v) paste(sprintf("%.17g", v), collapse = ", ")
nll <- function(v, x, n) { a <- exp(v[1]); b <- exp(v[2])
  -sum(lbeta(x + a, n - x + b) - lbeta(a, b)) }
gr <- function(v, x, n) { a <- exp(v[1]); b <- exp(v[2])
  c(-a * sum(digamma(x + a) - digamma(a) - digamma(n + a + b) + digamma(a + b)),
    -b * sum(digamma(n - x + b) - digamma(b) - digamma(n + a + b) + digamma(a + b))) }
fit <- function(name, x, n) {
  p <- sum(x) / sum(n); v0 <- log(c(p, 1 - p) * 2)
  o1 <- optim(v0, nll, gr, x = x, n = n, method = "BFGS",
              control = list(reltol = 1e-14, maxit = 10000))
  o2 <- optim(v0, nll, x = x, n = n, method = "Nelder-Mead",
              control = list(reltol = 1e-14, maxit = 100000))
  v <- o1$par   # polish: Newton with optimHess (finite differences of gr)
  for (i in 1:5) v <- v - solve(optimHess(v, nll, gr, x = x, n = n), gr(v, x, n))
  cat("#", name, "BFGS alpha, beta:", g(exp(o1$par)), "conv", o1$convergence, "\n")
  cat("#", name, "Nelder-Mead alpha, beta:", g(exp(o2$par)), "conv", o2$convergence, "\n")
  cat("#", name, "BFGS+Newton alpha, beta, loglik, |grad|:", g(exp(v)), ",",
      g(-nll(v, x, n)), ",", g(sqrt(sum(gr(v, x, n)^2))), "\n")
  exp(v)
}
post <- function(name, ab, x, n, lev) {
  a <- ab[1] + x; b <- ab[2] + n - x; t <- (1 - lev) / 2
  cat("#", name, "posterior a, b, mean, lo, hi at", lev, "\n")
  for (i in seq_along(x))
    cat("  {", g(c(x[i], n[i], a[i] / (a[i] + b[i]), qbeta(t, a[i], b[i]),
                  qbeta(t, a[i], b[i], lower.tail = FALSE))), "},\n")
}
# Efron & Morris (1975), Table 1: hits in the first 45 at-bats, and the
# batting average over the rest of the season.
em_x <- c(18, 17, 16, 15, 14, 14, 13, 12, 11, 11, 10, 10, 10, 10, 10, 9, 8, 7)
em_true <- c(.346, .298, .276, .222, .273, .270, .263, .210, .269, .230,
             .264, .256, .303, .264, .226, .285, .316, .200)
em_n <- rep(45, 18)
ab <- fit("efron-morris", em_x, em_n)
pm <- (ab[1] + em_x) / (sum(ab) + 45)
cat("# efron-morris SSE raw, posterior mean, ratio:", g(c(sum((em_x/45 - em_true)^2),
    sum((pm - em_true)^2), sum((em_x/45 - em_true)^2) / sum((pm - em_true)^2))), "\n")
t2 <- em_true; t2[16] <- .286
cat("# with Campaneris .286: SSE raw, posterior mean, ratio:", g(c(sum((em_x/45 - t2)^2),
    sum((pm - t2)^2), sum((em_x/45 - t2)^2) / sum((pm - t2)^2))), "\n")
# Moments, equal n: the classical estimator from the rates' mean and var.
r <- em_x / 45; m <- mean(r); rho <- (45 * var(r) / (m * (1 - m)) - 1) / 44
cat("# efron-morris moments alpha, beta:", g(c(m, 1 - m) * (1 / rho - 1)), "\n")
post("efron-morris", ab, em_x, em_n, .95)
sx <- c(2, 8, 15, 30, 4, 0, 22); sn <- c(10, 12, 20, 35, 9, 3, 40)
ab <- fit("small", sx, sn); post("small", ab, sx, sn, .90)
fx <- c(3.7, 10.2, 0.4, 25.9, 7.25, 12.6); fn <- c(5.5, 14.1, 6.3, 30.2, 20.05, 13.0)
ab <- fit("fractional", fx, fn); post("fractional", ab, c(fx, 0), c(fn, 0), .99)
# U-shaped: two groups at the extremes and one in the middle.
ux <- c(0, 100, 1); un <- c(100, 100, 2)
ab <- fit("u-shaped", ux, un); post("u-shaped", ab, ux, un, .95)
# Degenerate cases: the pooled and Jeffreys posteriors.
cat("# pooled 30 of 60: qbeta .025/.975 of Beta(30.5, 30.5):", g(qbeta(c(.025, .975), 30.5, 30.5)), "\n")
cat("# one group 7 of 9: Beta(7.5, 2.5) .05/.95:", g(qbeta(c(.05, .95), 7.5, 2.5)), "\n")
cat("# separate 0 of 10: Beta(.5, 10.5) .025/.975:", g(qbeta(c(.025, .975), .5, 10.5)), "\n")
cat("# all zero, 0 of 24: Beta(.5, 24.5) .025/.975:", g(qbeta(c(.025, .975), .5, 24.5)), "\n")
# Dominated: one large group, Tarone's T < 0, yet a finite maximum far
# above the pooled boundary (whose log-likelihood is printed last).
dx <- c(661, 17, 20, 1); dn <- c(1000, 17, 20, 1)
ab <- fit("dominated", dx, dn); post("dominated", ab, dx, dn, .95)
p <- sum(dx) / sum(dn)
cat("# dominated: Tarone T, pooled loglik:", g(c(sum((dx - dn * p)^2) - p * (1 - p) * sum(dn),
    sum(dx * log(p) + (dn - dx) * log1p(-p)))), "\n")
