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
}
