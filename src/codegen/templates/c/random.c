/* ---------------------------------------------------------------------- */
/* Random numbers                                                          */
/* ---------------------------------------------------------------------- */

/* xoshiro256** seeded through splitmix64: the generator Switchyard uses,
 * drawn in the same order, so one seed gives one run on every machine.
 * (GRand would do as well; it just would not match Switchyard's numbers.) */

static guint64 rng_state[4];

static guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static void
random_seed (guint64 seed)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 z = (seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      rng_state[i] = z ^ (z >> 31);
    }
}

/* A uniform double in [0, 1). */
static double
random_double (void)
{
  guint64 *s = rng_state;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return (double) (result >> 11) * 0x1.0p-53;
}

