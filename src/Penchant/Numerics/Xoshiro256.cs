namespace Penchant.Numerics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna), a small fast generator of uniform doubles, seeded from a <see cref="Random"/>: for
/// loops that need many uniforms, where each call to a shared <see cref="Random"/> would cost a virtual call and a
/// thread-local lookup. The same source state gives the same sequence.
/// </summary>
/// <remarks>A mutable struct: pass it by reference, never copy it mid-sequence.</remarks>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Initializes a new instance of the <see cref="Xoshiro256"/> struct from two draws of <paramref name="random"/> (its <see cref="Random.NextDouble"/>, which every subclass supports), spread by SplitMix64.</summary>
    /// <param name="random">The source of the seed.</param>
    public Xoshiro256(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ulong seed = ((ulong)(random.NextDouble() * (1UL << 53)) << 11) ^ (ulong)(random.NextDouble() * (1UL << 53));
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>Draws a uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The draw.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Draws 64 uniform bits.</summary>
    /// <returns>The draw.</returns>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
