# ---------------------------------------------------------------------------
# Random numbers
# ---------------------------------------------------------------------------

# xoshiro256** seeded through splitmix64: the generator Switchyard uses, drawn
# in the same order, so one seed gives one run on every machine. (Python's
# random module would do as well; it just would not match Switchyard.)

MASK64 = (1 << 64) - 1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK64


class Random:
    def __init__(self, seed=SEED):
        self.seed(seed)

    def seed(self, seed):
        self.s = []
        for _ in range(4):
            seed = (seed + 0x9E3779B97F4A7C15) & MASK64
            z = seed
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
            self.s.append(z ^ (z >> 31))

    def random(self):
        """A uniform float in [0, 1)."""
        s = self.s
        result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return (result >> 11) * 2.0 ** -53


rng = Random()


