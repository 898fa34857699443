namespace Penchant.Numerics;

/// <summary>Standard normal draws from a <see cref="Random"/>, so a seeded source gives the same draws everywhere.</summary>
internal static class Gaussian
{
    // The ziggurat of Marsaglia & Tsang (2000), 128 layers.
    private const int Layers = 128;
    private const double TailStart = 3.442619855899;
    private const double LayerArea = 9.91256303526217e-3;
    private const double Scale = 2147483648.0;
    private static readonly ZigguratTables Tables = new();

    /// <summary>Draws one value from N(0, 1) (Box–Muller).</summary>
    /// <param name="random">The source of randomness.</param>
    /// <returns>The draw.</returns>
    public static double Next(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// Fills a span with independent N(0, 1) draws by the ziggurat method (Marsaglia &amp; Tsang): almost every draw is one
    /// 64-bit uniform, a table lookup and a multiplication, with no logarithm or sine. The uniforms come from a local
    /// generator seeded by <paramref name="random"/> (two draws of it per fill, however long), so the same seed gives the
    /// same draws. The layer is taken from bits apart from the value's (Doornik's remedy for the original's correlation).
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="values">Receives the draws.</param>
    public static void Fill(Random random, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(random);
        var uniforms = new Xoshiro256(random);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Ziggurat(ref uniforms);
        }
    }

    private static double Ziggurat(ref Xoshiro256 uniforms)
    {
        uint[] kn = Tables.Kn;
        double[] wn = Tables.Wn;
        double[] fn = Tables.Fn;
        while (true)
        {
            ulong bits = uniforms.NextUInt64();
            int hz = (int)(bits >> 32);
            int iz = (int)(bits & (Layers - 1));
            uint magnitude = (uint)Math.Abs((long)hz);
            double x = hz * wn[iz];
            if (magnitude < kn[iz])
            {
                return x;
            }

            if (iz == 0)
            {
                // The base layer's tail beyond r: Marsaglia's exponential rejection.
                double tail;
                double y;
                do
                {
                    tail = -Math.Log(1.0 - uniforms.NextDouble()) / TailStart;
                    y = -Math.Log(1.0 - uniforms.NextDouble());
                }
                while (y + y < tail * tail);
                return hz > 0 ? TailStart + tail : -TailStart - tail;
            }

            // The wedge between two layers: accept under the density, else draw again.
            if (fn[iz] + (uniforms.NextDouble() * (fn[iz - 1] - fn[iz])) < Math.Exp(-0.5 * x * x))
            {
                return x;
            }
        }
    }

    /// <summary>The ziggurat's layer bounds (kn), edges (wn) and densities (fn), built together by one recurrence.</summary>
    private sealed class ZigguratTables
    {
        public ZigguratTables()
        {
            double dn = TailStart;
            double tn = dn;
            double q = LayerArea / Math.Exp(-0.5 * dn * dn);
            Kn[0] = (uint)(dn / q * Scale);
            Kn[1] = 0;
            Wn[0] = q / Scale;
            Wn[Layers - 1] = dn / Scale;
            Fn[0] = 1.0;
            Fn[Layers - 1] = Math.Exp(-0.5 * dn * dn);
            for (int i = Layers - 2; i >= 1; i--)
            {
                dn = Math.Sqrt(-2.0 * Math.Log((LayerArea / dn) + Math.Exp(-0.5 * dn * dn)));
                Kn[i + 1] = (uint)(dn / tn * Scale);
                tn = dn;
                Fn[i] = Math.Exp(-0.5 * dn * dn);
                Wn[i] = dn / Scale;
            }
        }

        public uint[] Kn { get; } = new uint[Layers];

        public double[] Wn { get; } = new double[Layers];

        public double[] Fn { get; } = new double[Layers];
    }
}
