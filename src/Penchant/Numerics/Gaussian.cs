namespace Penchant.Numerics;

/// <summary>Standard normal draws from a <see cref="Random"/> (Box–Muller), so a seeded source gives the same draws everywhere.</summary>
internal static class Gaussian
{
    /// <summary>Draws one value from N(0, 1).</summary>
    /// <param name="random">The source of randomness.</param>
    /// <returns>The draw.</returns>
    public static double Next(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fills a span with independent N(0, 1) draws, two per pair of uniforms (both of Box–Muller's outputs).</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="values">Receives the draws.</param>
    public static void Fill(Random random, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(random);
        int i = 0;
        for (; i + 1 < values.Length; i += 2)
        {
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            (double sin, double cos) = Math.SinCos(2.0 * Math.PI * random.NextDouble());
            values[i] = radius * cos;
            values[i + 1] = radius * sin;
        }

        if (i < values.Length)
        {
            values[i] = Next(random);
        }
    }
}
