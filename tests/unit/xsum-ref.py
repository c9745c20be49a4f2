#!/usr/bin/env python3
"""xsum-ref.py - expected values for tests/unit/test-xsum.c.

Independent of lib/xsum.c: math.fsum (Shewchuk 1997, correctly rounded,
ties to even) gives each sum's nearest double, fractions.Fraction the
exact sum, hence the double-double remainder lo = float(exact - hi)
(Fraction.__float__ rounds correctly) and the canonical hexadecimal text
(written here from the exact rational, not from limbs).  The generator
is the same 64-bit LCG as the C test's (Knuth's MMIX constants).

Run:  python3 tests/unit/xsum-ref.py   (Python 3.11)
and paste its lines into test-xsum.c.
"""
import math
from fractions import Fraction

M64 = (1 << 64) - 1


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) & M64
        return self.x


def mixed(g):
    """A double of either sign, magnitude about 2^-41 .. 2^40."""
    r1 = g.next()
    r2 = g.next()
    v = math.ldexp(r1 >> 11, -93 + (r2 >> 33) % 81)
    return -v if r2 >> 63 else v


def hot(g):
    """w * y, w * w, w * w * y: weights 0.5 .. 2, scores 0 .. 100."""
    w = 0.5 + 1.5 * ((g.next() >> 11) * 2.0 ** -53)
    y = float((g.next() >> 33) % 101)
    return [w * y, w * w, w * w * y]


def canon(q):
    """The canonical text of the exact rational Q (a dyadic)."""
    if q == 0:
        return "0x0p+0"
    sign = "-" if q < 0 else ""
    q = abs(q)
    n, d = q.numerator, q.denominator
    assert d & (d - 1) == 0
    e = -(d.bit_length() - 1)
    r = e % 4
    n <<= r
    e -= r
    while n % 16 == 0:
        n //= 16
        e += 4
    return "%s0x%xp%+d" % (sign, n, e)


def report(name, xs):
    exact = sum(map(Fraction, xs), Fraction(0))
    hi = math.fsum(xs)
    assert Fraction(hi) == Fraction(float(exact))
    lo = float(exact - Fraction(hi))
    text = canon(exact)
    text = '"\n    "'.join(text[i:i + 64] for i in range(0, len(text), 64))
    print('  { "%s", %s, %s,\n    "%s" },' % (name, hi.hex(), lo.hex(), text))


def sets():
    yield "classic", [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]
    yield "tenth x10", [0.1] * 10
    yield "2^60 + 4096 x 2^-60", [2.0 ** 60] + [2.0 ** -60] * 4096
    yield "2^60 + 3 x 1.5*2^-60", [2.0 ** 60] + [1.5 * 2.0 ** -60] * 3
    yield "tie to even down", [2.0 ** 53, 1.0]
    yield "tie to even up", [2.0 ** 53 + 2, 1.0]
    yield "just above a tie", [2.0 ** 53, 1.0, 2.0 ** -100]
    yield "just below a tie", [2.0 ** 53, 1.0, -(2.0 ** -100)]
    yield "extremes", [1e300, 1e-300, -1e300]
    yield "extremes kept", [1e300, 1e-300, 1e300, -1e-300, 3e-300]
    yield "subnormals", [5e-324, 5e-324, 2.2250738585072014e-308, -5e-324]
    yield "top limb widens", [1.0] + [2.0 ** 115] * 5000
    yield "top limb widens down", [1.0] + [-(2.0 ** 115)] * 5000
    g = Lcg(1)
    yield "lcg mixed 1000 seed 1", [mixed(g) for _ in range(1000)]
    g = Lcg(2)
    yield "lcg hot 3000 seed 2", [v for _ in range(1000) for v in hot(g)]
    g = Lcg(3)
    yield "lcg mixed 100000 seed 3", [mixed(g) for _ in range(100000)]


for name, xs in sets():
    report(name, xs)
