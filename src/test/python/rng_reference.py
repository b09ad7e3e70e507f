#!/usr/bin/python3
"""Prints the reference draws pinned by RngReferenceTest: a transcription of the definitions the engine's
Rng follows (SplitMix64, the top 53 bits as a double, Marsaglia's polar method keeping the second value,
the unbiased bounded integer), written apart from the Java code with exact 64-bit integer arithmetic.

Run from the repository root:  /usr/bin/python3 src/test/python/rng_reference.py
"""

import math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK
        self.spare = None

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_gaussian(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        while True:
            u = 2 * self.next_double() - 1
            v = 2 * self.next_double() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        factor = math.sqrt(-2 * math.log(s) / s)
        self.spare = v * factor
        return u * factor

    def next_int(self, bound):
        while True:
            bits = self.next_long() >> 1
            value = bits % bound
            if bits - value + (bound - 1) < (1 << 63):  # no signed overflow: accepted
                return value


if __name__ == "__main__":
    r = SplitMix64(7)
    print("doubles  ", [repr(r.next_double()) for _ in range(3)])
    r = SplitMix64(7)
    print("gaussians", [repr(r.next_gaussian()) for _ in range(4)])
    r = SplitMix64(7)
    print("ints(10) ", [r.next_int(10) for _ in range(8)])
    r = SplitMix64(7)
    print("ints(3)  ", [r.next_int(3) for _ in range(8)])
