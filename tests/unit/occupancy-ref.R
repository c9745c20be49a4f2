# tests/unit/occupancy-ref.R - reference values of test-occupancy.c:
#   Rscript tests/unit/occupancy-ref.R   (R 4.2, Debian r-base-core)
# The occupancy estimate: G such that G (1 - exp(-n/G)) = s, solved on log G.
g <- function(n, s) exp(uniroot(function(l) exp(l) * -expm1(-n / exp(l)) - s,
                                c(log(s), log(1e15)), tol = 1e-14)$root)
cat(sprintf("%.10g\n", c(g(65536, 58800), g(65536, 19247), g(1000, 500), g(100, 99), g(1e6, 1e5))))
cat(sprintf("%.10g\n", c(20000 * -expm1(-1e5 / 20000), 3e5 * -expm1(-1.5e6 / 3e5))))
