using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Penchant.Numerics;

/// <summary>
/// Bayesian linear regression (ridge regression with its posterior) updated one observation at a time: the precision
/// <c>A = λI + Σ w x xᵀ</c> is kept as its Cholesky factor L (A = L Lᵀ), updated by a rank-one update in O(d²), beside
/// <c>b = Σ w r x</c>. The posterior mean is <c>θ = A⁻¹ b</c>, the posterior covariance <c>σ² A⁻¹</c>.
/// </summary>
/// <remarks>
/// Not thread-safe. Used by the contextual bandit policies: the mean scores actions (greedy, inverse-gap weighting), the
/// covariance gives LinUCB's widths and Thompson sampling's draws.
/// </remarks>
internal sealed class BayesianLinearRegression
{
    private const int FormatVersion = 1;

    private readonly double[] _factor;
    private readonly double[] _b;
    private readonly double[] _mean;
    private readonly double[] _scratch;
    private bool _meanStale;

    /// <summary>Initializes a new instance of the <see cref="BayesianLinearRegression"/> class with the prior <c>A = λI</c>, <c>b = 0</c>.</summary>
    /// <param name="dimensions">The number of features d.</param>
    /// <param name="ridge">The prior precision λ (the ridge penalty).</param>
    public BayesianLinearRegression(int dimensions, double ridge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ridge);
        Dimensions = dimensions;
        _factor = new double[dimensions * dimensions];
        _b = new double[dimensions];
        _mean = new double[dimensions];
        _scratch = new double[dimensions];
        double root = Math.Sqrt(ridge);
        for (int i = 0; i < dimensions; i++)
        {
            _factor[(i * dimensions) + i] = root;
        }
    }

    /// <summary>Gets the number of features.</summary>
    public int Dimensions { get; }

    /// <summary>Gets the number of observations learned.</summary>
    public long Count { get; private set; }

    /// <summary>Learns one observation: reward <paramref name="reward"/> for features <paramref name="x"/>, with a weight.</summary>
    /// <param name="x">The features (length d).</param>
    /// <param name="reward">The observed reward.</param>
    /// <param name="weight">The observation's weight (1 for one plain observation).</param>
    public void Update(ReadOnlySpan<double> x, double reward, double weight = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Length, Dimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        int n = Dimensions;
        double root = Math.Sqrt(weight);
        Span<double> v = _scratch;
        for (int i = 0; i < n; i++)
        {
            v[i] = root * x[i];
            _b[i] += weight * reward * x[i];
        }

        // Rank-one update of the Cholesky factor: L Lᵀ + v vᵀ = L' L'ᵀ (Golub & Van Loan, §6.5.4).
        for (int k = 0; k < n; k++)
        {
            double vk = v[k];
            if (vk == 0.0)
            {
                continue;
            }

            double lkk = _factor[(k * n) + k];
            double r = Math.Sqrt((lkk * lkk) + (vk * vk));
            double c = r / lkk;
            double s = vk / lkk;
            _factor[(k * n) + k] = r;
            for (int i = k + 1; i < n; i++)
            {
                double lik = (_factor[(i * n) + k] + (s * v[i])) / c;
                _factor[(i * n) + k] = lik;
                v[i] = (c * v[i]) - (s * lik);
            }
        }

        Count++;
        _meanStale = true;
    }

    /// <summary>Gets the posterior mean θ = A⁻¹ b.</summary>
    /// <returns>The mean (a view of an internal buffer, valid until the next update).</returns>
    public ReadOnlySpan<double> Mean()
    {
        if (_meanStale)
        {
            _b.CopyTo(_mean, 0);
            SolveLower(_mean);
            SolveUpper(_mean);
            _meanStale = false;
        }

        return _mean;
    }

    /// <summary>Gets the predicted reward θ·x.</summary>
    /// <param name="x">The features.</param>
    /// <returns>The prediction.</returns>
    public double Predict(ReadOnlySpan<double> x)
    {
        ReadOnlySpan<double> mean = Mean();
        double sum = 0;
        for (int i = 0; i < mean.Length; i++)
        {
            sum += mean[i] * x[i];
        }

        return sum;
    }

    /// <summary>Gets <c>xᵀ A⁻¹ x</c>: the posterior variance of θ·x in units of the noise variance.</summary>
    /// <param name="x">The features.</param>
    /// <returns>The variance factor.</returns>
    public double Variance(ReadOnlySpan<double> x)
    {
        Span<double> u = _scratch;
        x.CopyTo(u);
        SolveLower(u);
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += u[i] * u[i];
        }

        return sum;
    }

    /// <summary>Draws θ̃ = θ + scale · L⁻ᵀ z with z standard normal: a sample from N(θ, scale² A⁻¹).</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="scale">The posterior scale (the noise standard deviation).</param>
    /// <param name="sample">Receives the draw (length d).</param>
    public void Sample(Random random, double scale, Span<double> sample)
    {
        SampleDeviation(random, sample);
        ReadOnlySpan<double> mean = Mean();
        for (int i = 0; i < sample.Length; i++)
        {
            sample[i] = mean[i] + (scale * sample[i]);
        }
    }

    /// <summary>
    /// Draws u = L⁻ᵀ z with z standard normal: a draw from N(0, A⁻¹), so θ + scale · u is a posterior draw and
    /// θ·x + scale · u·x its score of x (scoring many actions needs the mean's scores only once).
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="deviation">Receives the draw (length d).</param>
    public void SampleDeviation(Random random, Span<double> deviation)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNotEqual(deviation.Length, Dimensions);
        Gaussian.Fill(random, deviation);
        SolveUpper(deviation);
    }

    /// <summary>
    /// Draws <paramref name="count"/> independent deviations (<see cref="SampleDeviation"/>) as the columns of a d ×
    /// count matrix (row i holds every draw's i-th coordinate): the triangular solve then runs over all the draws at once,
    /// each step one scaled addition of a row of count values.
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="deviations">Receives the draws, d × count, row-major (at least that long).</param>
    /// <param name="count">The number of draws.</param>
    public void SampleDeviations(Random random, Span<double> deviations, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int n = Dimensions;
        ArgumentOutOfRangeException.ThrowIfLessThan(deviations.Length, count * n);
        Gaussian.Fill(random, deviations[..(count * n)]);

        // Lᵀ U = Z, from the last row up: row i of U is row i of Z (less what the rows below took) over L_ii, and it is then
        // taken from every row above it, weighted by row i of L.
        ReadOnlySpan<double> factor = _factor;
        for (int i = n - 1; i >= 0; i--)
        {
            Span<double> row = deviations.Slice(i * count, count);
            double inverse = 1.0 / factor[(i * n) + i];
            for (int j = 0; j < count; j++)
            {
                row[j] *= inverse;
            }

            ReadOnlySpan<double> weights = factor.Slice(i * n, i);
            for (int k = 0; k < i; k++)
            {
                if (weights[k] != 0.0)
                {
                    MatrixProducts.AddScaled(deviations.Slice(k * count, count), -weights[k], row);
                }
            }
        }
    }

    /// <summary>Writes the state (dimensions, count, the factor, b) as little-endian bytes.</summary>
    /// <param name="writer">The destination.</param>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatVersion);
        writer.Write(Dimensions);
        writer.Write(Count);
        WriteDoubles(writer, _factor);
        WriteDoubles(writer, _b);
    }

    /// <summary>Gets the number of bytes <see cref="Write"/> writes for a regression of <paramref name="dimensions"/> features.</summary>
    /// <param name="dimensions">The number of features.</param>
    /// <returns>The size in bytes.</returns>
    public static int SerializedSize(int dimensions) => sizeof(int) + sizeof(int) + sizeof(long) + (((dimensions * dimensions) + dimensions) * sizeof(double));

    /// <summary>Reads a state written by <see cref="Write"/>.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The regression.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a state this version wrote.</exception>
    public static BayesianLinearRegression Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Unknown regression state format.");
        }

        int n = reader.ReadInt32();
        if (n is < 1 or > 4096)
        {
            throw new InvalidDataException("Malformed regression state.");
        }

        var model = new BayesianLinearRegression(n, 1.0) { Count = reader.ReadInt64() };
        ReadDoubles(reader, model._factor);
        ReadDoubles(reader, model._b);
        model._meanStale = true;
        return model;
    }

    private static void WriteDoubles(BinaryWriter writer, double[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        foreach (double value in values)
        {
            writer.Write(value);
        }
    }

    private static void ReadDoubles(BinaryReader reader, double[] values)
    {
        Span<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new InvalidDataException("Truncated regression state.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * sizeof(double)));
            }
        }
    }

    /// <summary>Solves L y = v in place (row by row: each row's prefix is contiguous, one vector dot product).</summary>
    private void SolveLower(Span<double> v)
    {
        int n = Dimensions;
        ReadOnlySpan<double> factor = _factor;
        for (int i = 0; i < n; i++)
        {
            int row = i * n;
            double sum = v[i] - TensorPrimitives.Dot(factor.Slice(row, i), v[..i]);
            v[i] = sum / factor[row + i];
        }
    }

    /// <summary>Solves Lᵀ y = v in place, column by column of Lᵀ (a row of L, contiguous): each solved value is subtracted from the rest at once.</summary>
    private void SolveUpper(Span<double> v)
    {
        int n = Dimensions;
        ReadOnlySpan<double> factor = _factor;
        for (int i = n - 1; i >= 0; i--)
        {
            int row = i * n;
            double y = v[i] / factor[row + i];
            v[i] = y;
            if (i > 0 && y != 0.0)
            {
                Span<double> head = v[..i];
                TensorPrimitives.MultiplyAdd(factor.Slice(row, i), -y, head, head);
            }
        }
    }
}
