using System.Numerics;
using System.Numerics.Tensors;
using Penchant.Numerics;
using Penchant.Ranking;

namespace Penchant.Learning.Ranking;

/// <summary>What a training run fits and how.</summary>
internal sealed record TrainerOptions
{
    /// <summary>Gets the number of shared prototypes (0 = a single population Bradley–Terry model).</summary>
    public int Prototypes { get; init; } = 4;

    /// <summary>
    /// Gets a value indicating whether the prototypes read only the surface factors (tastes of style, which a few comparisons
    /// tell apart) rather than all features (tastes of content too, which need many more comparisons per user).
    /// </summary>
    public bool SurfacePrototypes { get; init; } = true;

    /// <summary>Gets the number of rotation blocks of the skew-symmetric head (0 = none).</summary>
    public int SkewRank { get; init; }

    /// <summary>Gets the number of passes over the comparisons.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Gets the Adam learning rate of the shared parameters.</summary>
    public double LearningRate { get; init; } = 0.005;

    /// <summary>Gets the L2 penalty of the shared parameters.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Gets the learning rate of the per-user parts.</summary>
    public double UserLearningRate { get; init; } = 0.5;

    /// <summary>Gets the L2 penalty that pulls per-user parts towards the prior.</summary>
    public double UserL2 { get; init; } = 0.01;

    /// <summary>Gets the share of comparisons held out to fit the calibration temperature (when there are at least 100).</summary>
    public double CalibrationFraction { get; init; } = 0.1;

    /// <summary>Gets the random seed: the same data, options and seed give the same model.</summary>
    public int Seed { get; init; } = 17;
}

/// <summary>
/// Fits a <see cref="RewardModel"/> and per-user parts to comparisons: Bradley–Terry with magnitude-weighted ("scaled")
/// loss and ties, PAL-style prototypes with per-user mixture weights, an optional skew-symmetric (GPM) head, and a
/// calibration temperature on held-out comparisons. Deterministic for a given seed.
/// </summary>
internal static class RankingTrainer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private const double BiasRate = 0.2;

    /// <summary>How far (in nats) a prototype's log-posterior may fall behind the best one's.</summary>
    private const float MaxLogitSpread = 20f;

    /// <summary>Trains a model and the users' parts.</summary>
    /// <param name="samples">The comparisons.</param>
    /// <param name="users">The number of users (user indices are below it).</param>
    /// <param name="embeddingDimensions">The embedding size the features were built with.</param>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Cancels training between passes.</param>
    /// <returns>The model and one part per user.</returns>
    public static (RewardModel Model, UserPart[] Users) Train(
        IReadOnlyList<PairSample> samples, int users, int embeddingDimensions, TrainerOptions options, CancellationToken cancellationToken = default)
    {
        var random = new Random(options.Seed);
        int width = options.SurfacePrototypes ? SurfaceFeatures.Count : FeatureLayout.Dimensions(embeddingDimensions);
        var model = new RewardModel(embeddingDimensions, options.Prototypes, options.SkewRank, width)
        {
            TrainedComparisons = samples.Count,
            TrainedUsers = users,
        };
        int d = model.Dimensions;
        foreach (float[] p in model.Prototypes)
        {
            Fill(p, random, 0.01);
        }

        Fill(model.Skew, random, 0.05);
        var parts = new UserPart[users];
        for (int u = 0; u < users; u++)
        {
            parts[u] = new UserPart(options.Prototypes);
            Fill(parts[u].Logits, random, 0.5);
        }

        // Hold out a calibration share, chosen by the seed.
        int[] order = [.. Enumerable.Range(0, samples.Count)];
        random.Shuffle(order);
        int held = samples.Count >= 100 ? (int)(samples.Count * options.CalibrationFraction) : 0;
        int[] calibration = order[..held];
        int[] training = order[held..];
        PrototypeSeeding.Seed(model, parts, samples, training, options.Seed);

        int pd = model.PrototypeDimensions;
        var adamBase = new Adam(d);
        var adamProto = new Adam[options.Prototypes];
        for (int k = 0; k < adamProto.Length; k++)
        {
            adamProto[k] = new Adam(pd);
        }

        var adamSkew = new Adam(model.Skew.Length);
        var diff = new float[d];
        var grad = new float[model.Skew.Length];
        var alpha = new float[options.Prototypes];
        var q = new float[options.Prototypes];
        int step = 0;
        double bestLoss = double.PositiveInfinity;
        Snapshot? best = null;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(training);
            foreach (int index in training)
            {
                PairSample sample = samples[index];
                UserPart? part = sample.User >= 0 ? parts[sample.User] : null;
                TensorPrimitives.Subtract(sample.Preferred, sample.Rejected, diff);
                double z = TensorPrimitives.Dot(model.Base, diff);
                if (options.Prototypes > 0)
                {
                    model.Mixture(part, alpha);
                    for (int k = 0; k < q.Length; k++)
                    {
                        q[k] = TensorPrimitives.Dot(model.Prototypes[k], diff.AsSpan(0, pd));
                        z += alpha[k] * q[k];
                    }
                }

                if (part is not null)
                {
                    z += TensorPrimitives.Dot(part.SurfaceBias, diff.AsSpan(0, SurfaceFeatures.Count));
                }

                float[]? va = null, vb = null;
                if (options.SkewRank > 0)
                {
                    va = model.Project(sample.Preferred);
                    vb = model.Project(sample.Rejected);
                    z += RewardModel.SkewScore(va, vb);
                }

                double g = Gradient(z, sample) * sample.Weight;
                step++;

                // Shared reward weights: the gradient is g·diff (g·αₖ·diff for prototype k).
                adamBase.Step(model.Base, diff, g, options.LearningRate, options.L2, step);
                for (int k = 0; k < options.Prototypes; k++)
                {
                    adamProto[k].Step(model.Prototypes[k], diff.AsSpan(0, pd), g * alpha[k], options.LearningRate, options.L2, step);
                }

                if (va is not null && vb is not null)
                {
                    Span<float> gs = grad.AsSpan(0, model.Skew.Length);
                    for (int j = 0; j < va.Length; j++)
                    {
                        // ds/dva[j] and ds/dvb[j] for s = Σ va[2i]·vb[2i+1] − va[2i+1]·vb[2i].
                        double dva = (j & 1) == 0 ? vb[j + 1] : -vb[j - 1];
                        double dvb = (j & 1) == 0 ? -va[j + 1] : va[j - 1];
                        Span<float> row = gs.Slice(j * d, d);
                        TensorPrimitives.Multiply(sample.Preferred, (float)(g * dva), row);
                        TensorPrimitives.MultiplyAdd(sample.Rejected, (float)(g * dvb), row, row);
                    }

                    adamSkew.Step(model.Skew, gs, 1.0, options.LearningRate, options.L2, step);
                }

                if (part is not null)
                {
                    StepUser(part, diff, g, alpha, q, options.UserLearningRate, options.UserL2, model.PriorLogits);
                }
            }

            // Early stopping: keep the pass (at least the first) with the least loss on the held-out comparisons.
            if (calibration.Length > 0)
            {
                double loss = HeldOutLoss(model, parts, samples, calibration);
                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    best = Snapshot.Take(model, parts);
                }
            }
        }

        best?.Restore(model, parts);
        ShrinkContent(model, parts, samples, calibration);
        PrototypeSeeding.Refine(model, parts, samples, training, MaxLogitSpread);

        // A new user starts from the population's average mixture.
        if (users > 0 && options.Prototypes > 0)
        {
            var mean = new double[options.Prototypes];
            foreach (UserPart part in parts)
            {
                model.Mixture(part, alpha);
                for (int k = 0; k < mean.Length; k++)
                {
                    mean[k] += alpha[k] / users;
                }
            }

            for (int k = 0; k < mean.Length; k++)
            {
                model.PriorLogits[k] = (float)Math.Log(Math.Max(1e-6, mean[k]));
            }
        }

        foreach (UserPart part in parts)
        {
            part.Comparisons = 0;
        }

        foreach (PairSample s in samples)
        {
            if (s.User >= 0)
            {
                parts[s.User].Comparisons++;
            }
        }

        if (calibration.Length > 0)
        {
            var logits = new double[calibration.Length];
            var labels = new double[calibration.Length];
            for (int i = 0; i < calibration.Length; i++)
            {
                PairSample s = samples[calibration[i]];
                logits[i] = Logit(model, s.User >= 0 ? parts[s.User] : null, s.Preferred, s.Rejected) * model.Temperature;
                labels[i] = s.Tie ? 0.5 : 1.0;
            }

            model.Temperature = Calibration.FitTemperature(logits, labels);
        }

        return (model, parts);
    }

    /// <summary>
    /// Fits one user's part to their comparisons with the shared model fixed (a new user's few comparisons, or an online
    /// update from where the part was): the mixture logits by Bayes' rule, then the surface bias by a few gradient steps.
    /// </summary>
    /// <remarks>
    /// The logits are a log-posterior over which prototype is the user's taste: each comparison adds its calibrated
    /// log-likelihood under each prototype, so the part's current logits are the prior and repeated calls accumulate
    /// evidence. No prototype falls more than <see cref="MaxLogitSpread"/> nats behind the best, so a taste that changes
    /// can still be followed.
    /// </remarks>
    /// <param name="model">The population model.</param>
    /// <param name="part">The user's part, updated in place.</param>
    /// <param name="samples">The user's comparisons.</param>
    /// <param name="epochs">Passes of the surface bias over them.</param>
    /// <param name="learningRate">The surface bias's step size.</param>
    /// <param name="l2">The surface bias's pull towards zero.</param>
    public static void FitUser(RewardModel model, UserPart part, IReadOnlyList<PairSample> samples, int epochs = 30, double learningRate = 0.5, double l2 = 0.02)
    {
        int d = model.Dimensions;
        var diff = new float[d];
        int prototypes = model.Prototypes.Length;
        if (prototypes > 0 && part.Logits.Length == prototypes && samples.Count > 0)
        {
            var evidence = new double[prototypes];
            foreach (PairSample sample in samples)
            {
                // The logit without the mixture, then with each prototype alone.
                TensorPrimitives.Subtract(sample.Preferred, sample.Rejected, diff);
                double shared = TensorPrimitives.Dot(model.Base, diff) + TensorPrimitives.Dot(part.SurfaceBias, diff.AsSpan(0, SurfaceFeatures.Count));
                if (model.SkewRank > 0)
                {
                    shared += RewardModel.SkewScore(model.Project(sample.Preferred), model.Project(sample.Rejected));
                }

                for (int k = 0; k < prototypes; k++)
                {
                    double z = (shared + TensorPrimitives.Dot(model.Prototypes[k], diff.AsSpan(0, model.PrototypeDimensions))) / model.Temperature;
                    double logLikelihood = sample.Tie ? 0.5 * (LogSigmoid(z) + LogSigmoid(-z)) : LogSigmoid(z);
                    evidence[k] += sample.Weight * logLikelihood;
                }
            }

            float best = float.NegativeInfinity;
            for (int k = 0; k < prototypes; k++)
            {
                part.Logits[k] += (float)evidence[k];
                best = Math.Max(best, part.Logits[k]);
            }

            for (int k = 0; k < prototypes; k++)
            {
                part.Logits[k] = Math.Max(part.Logits[k] - best, -MaxLogitSpread);
            }
        }

        // The model's bias prior is spread over the comparisons of a pass and applied as a proximal step (stable however strong).
        double rate = BiasRate * learningRate;
        Span<double> shrink = stackalloc double[SurfaceFeatures.Count];
        for (int i = 0; i < shrink.Length; i++)
        {
            shrink[i] = 1.0 / (1.0 + (rate * model.BiasPrecision[i] / Math.Max(1, samples.Count)));
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (PairSample sample in samples)
            {
                TensorPrimitives.Subtract(sample.Preferred, sample.Rejected, diff);
                double z = Logit(model, part, sample.Preferred, sample.Rejected) * model.Temperature;
                StepUser(part, diff, Gradient(z, sample) * sample.Weight, [], [], learningRate, l2, model.PriorLogits);
                for (int i = 0; i < shrink.Length; i++)
                {
                    part.SurfaceBias[i] = (float)(part.SurfaceBias[i] * shrink[i]);
                }
            }
        }

        part.Comparisons = Math.Max(part.Comparisons, samples.Count);
    }

    /// <summary>Gets the calibrated logit that a beats b for a user.</summary>
    public static double Logit(RewardModel model, UserPart? user, float[] a, float[] b)
    {
        double z = model.Reward(a, user) - model.Reward(b, user);
        if (model.SkewRank > 0)
        {
            z += RewardModel.SkewScore(model.Project(a), model.Project(b));
        }

        return z / model.Temperature;
    }

    /// <summary>
    /// Scales the base's content weights (all but the surface factors) by the share the held-out comparisons support:
    /// with few comparisons over many embedding features those weights fit noise, which every user's reward would carry.
    /// </summary>
    private static void ShrinkContent(RewardModel model, UserPart[] parts, IReadOnlyList<PairSample> samples, int[] held)
    {
        if (held.Length == 0)
        {
            return;
        }

        int surface = SurfaceFeatures.Count;
        var diff = new float[model.Dimensions];
        var kept = new double[held.Length];
        var content = new double[held.Length];
        var labels = new double[held.Length];
        for (int i = 0; i < held.Length; i++)
        {
            PairSample s = samples[held[i]];
            TensorPrimitives.Subtract(s.Preferred, s.Rejected, diff);
            content[i] = TensorPrimitives.Dot(model.Base.AsSpan(surface), diff.AsSpan(surface));
            kept[i] = (Logit(model, s.User >= 0 ? parts[s.User] : null, s.Preferred, s.Rejected) * model.Temperature) - content[i];
            labels[i] = s.Tie ? 0.5 : 1.0;
        }

        float share = (float)Calibration.FitShare(kept, content, labels);
        TensorPrimitives.Multiply(model.Base.AsSpan(surface), share, model.Base.AsSpan(surface));
    }

    /// <summary>Gets the mean weighted logistic loss on held-out comparisons (each user with their own part).</summary>
    private static double HeldOutLoss(RewardModel model, UserPart[] parts, IReadOnlyList<PairSample> samples, int[] held)
    {
        double loss = 0;
        foreach (int index in held)
        {
            PairSample s = samples[index];
            double z = Logit(model, s.User >= 0 ? parts[s.User] : null, s.Preferred, s.Rejected) * model.Temperature;
            loss -= s.Weight * (s.Tie ? 0.5 * (LogSigmoid(z) + LogSigmoid(-z)) : LogSigmoid(z));
        }

        return loss / held.Length;
    }

    /// <summary>Gets the derivative of the loss with respect to the logit (before the magnitude weight).</summary>
    private static double Gradient(double z, PairSample sample)
    {
        double p = Sigmoid(z);
        return sample.Tie ? p - 0.5 : p - 1.0;
    }

    private static void StepUser(UserPart part, ReadOnlySpan<float> diff, double g, ReadOnlySpan<float> alpha, ReadOnlySpan<float> q, double lr, double l2, ReadOnlySpan<float> prior)
    {
        if (alpha.Length > 0 && part.Logits.Length == alpha.Length)
        {
            double mean = 0;
            for (int k = 0; k < alpha.Length; k++)
            {
                mean += alpha[k] * q[k];
            }

            for (int k = 0; k < alpha.Length; k++)
            {
                double gk = (g * alpha[k] * (q[k] - mean)) + (l2 * (part.Logits[k] - prior[k]));
                part.Logits[k] -= (float)(lr * gk);
            }
        }

        for (int i = 0; i < SurfaceFeatures.Count; i++)
        {
            // The bias moves more slowly than the mixture: a few comparisons should pick a taste before they invent one.
            part.SurfaceBias[i] -= (float)(BiasRate * lr * ((g * diff[i]) + (l2 * part.SurfaceBias[i])));
        }
    }

    /// <summary>The logarithm of the logistic function, without overflow.</summary>
    public static double LogSigmoid(double z) => Logistic.LogSigmoid(z);

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double z) => Logistic.Sigmoid(z);

    private static void Fill(Span<float> values, Random random, double scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            // Box–Muller: a normal draw from two uniforms.
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            values[i] = (float)(scale * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }
    }

    /// <summary>A copy of the trained parameters (the model's and the users' parts') to return to.</summary>
    private sealed class Snapshot
    {
        private readonly float[][] _values;

        private Snapshot(float[][] values) => _values = values;

        public static Snapshot Take(RewardModel model, UserPart[] parts)
            => new([.. Parameters(model, parts).Select(static p => (float[])p.Clone())]);

        public void Restore(RewardModel model, UserPart[] parts)
        {
            int i = 0;
            foreach (float[] p in Parameters(model, parts))
            {
                _values[i++].CopyTo(p, 0);
            }
        }

        private static IEnumerable<float[]> Parameters(RewardModel model, UserPart[] parts)
        {
            yield return model.Base;
            yield return model.Skew;
            foreach (float[] p in model.Prototypes)
            {
                yield return p;
            }

            foreach (UserPart part in parts)
            {
                yield return part.Logits;
                yield return part.SurfaceBias;
            }
        }
    }

    /// <summary>Adam with decoupled weight decay over one parameter vector.</summary>
    /// <remarks>
    /// One fused SIMD pass per step: the moments, the bias-corrected update and the decay of each element are computed
    /// together in single precision (a chain of <see cref="TensorPrimitives"/> calls would pass over the vectors eight
    /// times). This is the trainer's hot loop: it runs for the base and every prototype on every comparison.
    /// </remarks>
    private sealed class Adam(int size)
    {
        private readonly float[] _m = new float[size];
        private readonly float[] _v = new float[size];
        private int _t;
        private double _beta1Power = 1.0;
        private double _beta2Power = 1.0;

        /// <summary>Takes step <paramref name="t"/> with the gradient <c>scale · direction</c>.</summary>
        public void Step(Span<float> parameters, ReadOnlySpan<float> direction, double scale, double learningRate, double decay, int t)
        {
            // βᵗ by one multiplication per step (steps are consecutive), instead of two Math.Pow calls.
            if (t == _t + 1)
            {
                _beta1Power *= Beta1;
                _beta2Power *= Beta2;
            }
            else
            {
                _beta1Power = Math.Pow(Beta1, t);
                _beta2Power = Math.Pow(Beta2, t);
            }

            _t = t;
            float inverseC1 = (float)(1 / (1 - _beta1Power));
            float inverseC2 = (float)(1 / (1 - _beta2Power));
            float s = (float)scale, lr = (float)learningRate, wd = (float)decay;
            const float b1 = (float)Beta1, b2 = (float)Beta2, eps = (float)Epsilon;
            Span<float> m = _m.AsSpan(0, parameters.Length), v = _v.AsSpan(0, parameters.Length);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i <= parameters.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> g = new Vector<float>(direction[i..]) * s;
                    Vector<float> mi = (new Vector<float>(m[i..]) * b1) + (g * (1 - b1));
                    Vector<float> vi = (new Vector<float>(v[i..]) * b2) + (g * g * (1 - b2));
                    Vector<float> p = new(parameters[i..]);
                    Vector<float> update = mi * inverseC1 / (Vector.SquareRoot(vi * inverseC2) + new Vector<float>(eps));
                    mi.CopyTo(m[i..]);
                    vi.CopyTo(v[i..]);
                    (p - (lr * (update + (wd * p)))).CopyTo(parameters[i..]);
                }
            }

            for (; i < parameters.Length; i++)
            {
                float g = direction[i] * s;
                m[i] = (b1 * m[i]) + ((1 - b1) * g);
                v[i] = (b2 * v[i]) + ((1 - b2) * g * g);
                float update = m[i] * inverseC1 / (MathF.Sqrt(v[i] * inverseC2) + eps);
                parameters[i] -= lr * (update + (wd * parameters[i]));
            }
        }
    }
}
