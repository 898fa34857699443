using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Penchant.Numerics;
using Penchant.Ranking;

namespace Penchant.Learning.Ranking;

/// <summary>
/// Starts the prototypes where the users' tastes are: each user with enough comparisons gets a small ridge-regularised
/// Bradley–Terry fit over the surface factors, the fits are clustered (k-means++, a few restarts), the prototypes start
/// at the clusters' offsets from the users' mean taste and each user's mixture starts on their cluster.
/// </summary>
/// <remarks>
/// Without it the prototypes start as small random vectors and joint training tends to leave them alike (every user's
/// gradient pulls every prototype), so the mixture can't tell opposite tastes apart. Deterministic for a given seed.
/// </remarks>
internal static class PrototypeSeeding
{
    /// <summary>Fewer comparisons than this don't say enough about a user's taste to place them.</summary>
    private const int MinComparisons = 8;

    /// <summary>The ridge penalty of the per-user fits (in units of comparisons).</summary>
    private const double Ridge = 1.0;

    /// <summary>The logit a user's own cluster starts with (the others start at 0).</summary>
    private const float AssignedLogit = 3f;

    /// <summary>The expectation–maximisation passes of <see cref="Refine"/>.</summary>
    private const int RefineIterations = 8;

    /// <summary>The largest prior precision of a user's bias or a prototype on a factor: a prior variance of 10⁻⁴ keeps it at 0.</summary>
    private const double MaxPrecision = 1e4;

    private const int Restarts = 5;
    private const int Iterations = 30;

    /// <summary>Seeds the prototypes and the users' mixture logits from the training comparisons.</summary>
    /// <param name="model">The model whose prototypes (and the surface part of whose base) are set.</param>
    /// <param name="parts">The users' parts, whose logits are set.</param>
    /// <param name="samples">The comparisons.</param>
    /// <param name="training">The indices of the comparisons to use.</param>
    /// <param name="seed">The random seed.</param>
    public static void Seed(RewardModel model, UserPart[] parts, IReadOnlyList<PairSample> samples, ReadOnlySpan<int> training, int seed)
    {
        int prototypes = model.Prototypes.Length;
        const int width = SurfaceFeatures.Count;
        if (prototypes == 0 || parts.Length < 2)
        {
            return;
        }

        var byUser = new List<int>[parts.Length];
        foreach (int index in training)
        {
            int user = samples[index].User;
            if (user >= 0 && user < parts.Length)
            {
                (byUser[user] ??= []).Add(index);
            }
        }

        // The typical size of each factor's difference, so that distances between tastes are in logit units.
        var scale = new double[width];
        int counted = 0;
        foreach (int index in training)
        {
            PairSample s = samples[index];
            for (int j = 0; j < width; j++)
            {
                double dj = s.Preferred[j] - s.Rejected[j];
                scale[j] += dj * dj;
            }

            counted++;
        }

        for (int j = 0; j < width; j++)
        {
            scale[j] = Math.Sqrt(scale[j] / Math.Max(1, counted)) + 1e-6;
        }

        var users = new List<int>();
        var points = new List<double[]>();
        for (int u = 0; u < parts.Length; u++)
        {
            if (byUser[u] is { Count: >= MinComparisons } mine)
            {
                double[] w = FitSurface(samples, mine);
                for (int j = 0; j < width; j++)
                {
                    w[j] *= scale[j];
                }

                users.Add(u);
                points.Add(w);
            }
        }

        int clusters = Math.Min(prototypes, points.Count);
        if (clusters < 2)
        {
            return;
        }

        var mean = new double[width];
        foreach (double[] p in points)
        {
            for (int j = 0; j < width; j++)
            {
                mean[j] += p[j] / points.Count;
            }
        }

        (double[][] centroids, int[] assignment) = KMeans.Cluster(points, clusters, new Random(seed), Restarts, Iterations);
        for (int j = 0; j < width; j++)
        {
            model.Base[j] = (float)(mean[j] / scale[j]);
        }

        for (int c = 0; c < clusters; c++)
        {
            float[] prototype = model.Prototypes[c];
            for (int j = 0; j < width; j++)
            {
                prototype[j] = (float)((centroids[c][j] - mean[j]) / scale[j]);
            }
        }

        for (int i = 0; i < users.Count; i++)
        {
            float[] logits = parts[users[i]].Logits;
            Array.Clear(logits);
            logits[assignment[i]] = AssignedLogit;
        }
    }

    /// <summary>
    /// Refines trained surface prototypes by expectation–maximisation over the users' comparisons, with the rest of the
    /// model fixed: each user's posterior over the prototypes from their comparisons, then each prototype one Newton step
    /// of a Bradley–Terry fit to the comparisons weighted by their users' posteriors, under a Gaussian prior whose precision
    /// on each factor is refitted after every pass from the prototypes themselves (automatic relevance determination).
    /// Once the passes have converged, prototypes the comparisons don't pay for are dropped (<see cref="Prune"/>) and a few
    /// more passes let the rest take their users. The users' logits become their log-posteriors and the prior the
    /// population's share of each prototype; last, the prior of the users' own surface biases is fitted
    /// (<see cref="FitBiasPrior"/>).
    /// </summary>
    /// <remarks>
    /// Gradient training moves every prototype with every user's mixture, so prototypes pick up weights on factors that
    /// merely correlate with a taste; the mixture of Bradley–Terry models is fitted exactly this way instead. Only users
    /// with enough comparisons to be placed take part (the others' posteriors are near the prior and would cost a pass
    /// per prototype); a model whose prototypes read more than the surface factors is left as it is.
    /// <para>
    /// One ridge for every factor cannot serve both kinds: the surface factors are small numbers (a z-score of length is
    /// about 0.33 of the raw factor), so a penalty of 1 held the tastes' own weights at half their strength (length 4.7
    /// where the simulated taste is 9.0) while a penalty of 0.01 let the other factors fit noise (weights up to 2.7).
    /// Fitting each factor's precision from how far the prototypes spread on it (≈0.04 on length, 2 to 40 on factors no
    /// taste uses) moved `eval pluralistic` new users after 10 comparisons from 0.704/0.709/0.693/0.704 to
    /// 0.713/0.713/0.695/0.711 on seeds 17/1/2/3.
    /// </para>
    /// <para>
    /// Seeding starts more prototypes than there are tastes (8 for the simulation's 6) so that no taste is missed; the
    /// spare ones otherwise end as near-copies or blends of two tastes that hold a user or two and take a new user's prior
    /// mass. Dropping them by the information criterion left exactly six on each of those seeds (0.713/0.714/0.695/0.712).
    /// </para>
    /// </remarks>
    /// <param name="model">The trained model whose prototypes and prior are refined.</param>
    /// <param name="parts">The users' parts, whose logits are set.</param>
    /// <param name="samples">The comparisons.</param>
    /// <param name="training">The indices of the comparisons to use.</param>
    /// <param name="maxLogitSpread">How far (in nats) a user's logit may fall behind their best one's.</param>
    public static void Refine(RewardModel model, UserPart[] parts, IReadOnlyList<PairSample> samples, ReadOnlySpan<int> training, float maxLogitSpread)
    {
        int prototypes = model.Prototypes.Length;
        const int width = SurfaceFeatures.Count;
        if (prototypes < 2 || parts.Length < 2 || model.PrototypeDimensions != width)
        {
            return;
        }

        // The placed users' comparisons, grouped by user (row i owns indices[starts[i]..starts[i + 1]]).
        var counts = new int[parts.Length];
        foreach (int index in training)
        {
            int user = samples[index].User;
            if (user >= 0 && user < parts.Length)
            {
                counts[user]++;
            }
        }

        var users = new List<int>();
        var row = new int[parts.Length];
        for (int u = 0; u < parts.Length; u++)
        {
            row[u] = counts[u] >= MinComparisons ? users.Count : -1;
            if (row[u] >= 0)
            {
                users.Add(u);
            }
        }

        if (users.Count < 2)
        {
            return;
        }

        var starts = new int[users.Count + 1];
        for (int i = 0; i < users.Count; i++)
        {
            starts[i + 1] = starts[i] + counts[users[i]];
        }

        var indices = new int[starts[^1]];
        int[] fill = starts[..^1];
        foreach (int index in training)
        {
            int user = samples[index].User;
            if (user >= 0 && user < parts.Length && row[user] >= 0)
            {
                indices[fill[row[user]]++] = index;
            }
        }

        // The logit the rest of the model gives each comparison.
        var offsets = new float[indices.Length];
        var diff = new float[model.Dimensions];
        for (int i = 0; i < users.Count; i++)
        {
            for (int n = starts[i]; n < starts[i + 1]; n++)
            {
                PairSample s = samples[indices[n]];
                TensorPrimitives.Subtract(s.Preferred, s.Rejected, diff);
                double offset = TensorPrimitives.Dot(model.Base, diff) + TensorPrimitives.Dot(parts[users[i]].SurfaceBias, diff.AsSpan(0, width));
                if (model.SkewRank > 0)
                {
                    offset += RewardModel.SkewScore(model.Project(s.Preferred), model.Project(s.Rejected));
                }

                offsets[n] = (float)offset;
            }
        }

        var w = new double[prototypes][];
        for (int k = 0; k < prototypes; k++)
        {
            w[k] = [.. model.Prototypes[k].Select(static v => (double)v)];
        }

        var share = new double[prototypes];
        Array.Fill(share, 1.0 / prototypes);
        var logPosterior = new double[users.Count, prototypes];
        var responsibility = new float[indices.Length];
        Span<double> factor = stackalloc double[width * width];
        Span<double> precision = stackalloc double[width];
        Span<double> secondMoment = stackalloc double[width];
        precision.Fill(Ridge);

        var logLikelihood = new double[users.Count, prototypes];
        var parameters = new double[prototypes];
        int passes = RefineIterations;
        for (int iteration = 0; iteration < passes; iteration++)
        {
            // E: each placed user's log-posterior over the prototypes.
            LogLikelihoods(w, samples, indices, starts, offsets, logLikelihood);
            for (int i = 0; i < users.Count; i++)
            {
                for (int k = 0; k < prototypes; k++)
                {
                    logPosterior[i, k] = Math.Log(Math.Max(share[k], 1e-12)) + logLikelihood[i, k];
                }
            }

            Array.Clear(share);
            for (int i = 0; i < users.Count; i++)
            {
                Span<double> posterior = MemoryMarshal.CreateSpan(ref logPosterior[i, 0], prototypes);
                Softmax.InPlace(posterior);
                for (int k = 0; k < prototypes; k++)
                {
                    share[k] += posterior[k] / users.Count;
                }
            }

            // M: each prototype one Newton step on the comparisons its users own (posteriors below a thousandth are skipped).
            secondMoment.Clear();
            int held = 0;
            for (int k = 0; k < prototypes; k++)
            {
                for (int i = 0; i < users.Count; i++)
                {
                    double r = logPosterior[i, k];
                    responsibility.AsSpan(starts[i], starts[i + 1] - starts[i]).Fill(r < 1e-3 ? 0 : (float)r);
                }

                NewtonStep(w[k], samples, indices, responsibility, offsets, precision, factor);

                // A prototype that holds less than one user's worth of posterior says nothing about how far tastes spread.
                parameters[k] = 0;
                if (share[k] * users.Count >= 1)
                {
                    held++;
                    parameters[k] = AddSecondMoment(w[k], factor, precision, secondMoment);
                }
            }

            // Automatic relevance determination: each factor's prior precision is the inverse of the held prototypes'
            // mean second moment on it, so factors on which tastes differ are barely penalised and the rest shrink to 0.
            if (held >= 2)
            {
                for (int j = 0; j < width; j++)
                {
                    precision[j] = Math.Min(MaxPrecision, held / Math.Max(secondMoment[j], 1.0 / MaxPrecision));
                }
            }

            // Once converged, drop the prototypes the users' comparisons don't pay for, and let the rest take their users.
            if (iteration == RefineIterations - 1)
            {
                LogLikelihoods(w, samples, indices, starts, offsets, logLikelihood);
                if (Prune(logLikelihood, share, parameters, Math.Log(indices.Length)) > 0)
                {
                    for (int k = 0; k < prototypes; k++)
                    {
                        if (share[k] == 0)
                        {
                            Array.Clear(w[k]);
                        }
                    }

                    passes += RefineIterations / 2;
                }
            }
        }

        for (int k = 0; k < prototypes; k++)
        {
            for (int j = 0; j < width; j++)
            {
                model.Prototypes[k][j] = (float)w[k][j];
            }
        }

        // The final posteriors, as logits relative to each user's best prototype.
        for (int i = 0; i < users.Count; i++)
        {
            float[] logits = parts[users[i]].Logits;
            for (int k = 0; k < prototypes; k++)
            {
                logits[k] = (float)Math.Max(Math.Log(Math.Max(logPosterior[i, k], 1e-30)), -maxLogitSpread);
            }
        }

        FitBiasPrior(model, parts, samples, indices, starts, users, responsibility);
    }

    /// <summary>
    /// Fits the prior of the users' own surface biases by empirical Bayes: each placed user's deviation from their mixture
    /// is fitted on their comparisons, and the population's spread of deviations, less the spread their estimation noise
    /// alone would give, is the prior variance; <see cref="RewardModel.BiasPrecision"/> is its inverse.
    /// </summary>
    /// <remarks>
    /// When users of a taste really are alike the spread is all noise and a new user's few comparisons move only their
    /// mixture; when users differ within a taste the bias is free to follow them. Run at the end of <see cref="Refine"/>.
    /// </remarks>
    /// <param name="model">The trained model whose bias precision is set.</param>
    /// <param name="parts">The users' parts (their mixtures are read).</param>
    /// <param name="samples">The comparisons.</param>
    /// <param name="indices">The placed users' comparisons, grouped by user.</param>
    /// <param name="starts">Where each placed user's comparisons start in <paramref name="indices"/> (and one past the end).</param>
    /// <param name="users">The placed users.</param>
    /// <param name="scratch">Room for one logit per comparison.</param>
    private static void FitBiasPrior(RewardModel model, UserPart[] parts, IReadOnlyList<PairSample> samples, int[] indices, int[] starts, List<int> users, float[] scratch)
    {
        const int width = SurfaceFeatures.Count;
        var spread = new double[width];
        int placed = 0;
        Span<double> deviation = stackalloc double[width];
        Span<double> factor = stackalloc double[width * width];
        Span<double> column = stackalloc double[width];
        Span<double> ridge = stackalloc double[width];
        ridge.Fill(Ridge);
        var part = new UserPart(model.Prototypes.Length);
        for (int i = 0; i < users.Count; i++)
        {
            // The user's logit without their bias, then their deviation from it.
            parts[users[i]].Logits.CopyTo(part.Logits, 0);
            ReadOnlySpan<int> mine = indices.AsSpan(starts[i], starts[i + 1] - starts[i]);
            Span<float> offsets = scratch.AsSpan(starts[i], mine.Length);
            for (int n = 0; n < mine.Length; n++)
            {
                PairSample s = samples[mine[n]];
                offsets[n] = (float)(RankingTrainer.Logit(model, part, s.Preferred, s.Rejected) * model.Temperature);
            }

            deviation.Clear();
            for (int iteration = 0; iteration < 4; iteration++)
            {
                NewtonStep(deviation, samples, mine, [], offsets, ridge, factor);
            }

            // Each factor's estimation variance: the diagonal of the inverse Hessian, from its Cholesky factor.
            for (int j = 0; j < width; j++)
            {
                spread[j] += (deviation[j] * deviation[j]) - Cholesky.InverseDiagonal(factor, j, column, width);
            }

            placed++;
        }

        for (int j = 0; j < width; j++)
        {
            double variance = spread[j] / placed;
            model.BiasPrecision[j] = (float)(1.0 / Math.Max(variance, 1.0 / MaxPrecision));
        }
    }

    /// <summary>
    /// Adds a prototype's posterior second moment on each factor, <c>wⱼ² + Σⱼⱼ</c>, to <paramref name="sum"/>: its squared
    /// weight plus its estimation variance, the diagonal of the inverse penalised Hessian whose Cholesky factor
    /// <see cref="NewtonStep"/> left in <paramref name="factor"/>.
    /// </summary>
    /// <returns>
    /// The prototype's effective number of parameters, <c>Σⱼ (1 − λⱼ Σⱼⱼ)</c> for the prior precisions λ: near 1 for a
    /// factor its comparisons determine, near 0 for one its prior holds.
    /// </returns>
    private static double AddSecondMoment(ReadOnlySpan<double> w, ReadOnlySpan<double> factor, ReadOnlySpan<double> precision, Span<double> sum)
    {
        const int width = SurfaceFeatures.Count;
        Span<double> column = stackalloc double[width];
        double parameters = 0;
        for (int j = 0; j < width; j++)
        {
            double variance = Cholesky.InverseDiagonal(factor, j, column, width);
            sum[j] += (w[j] * w[j]) + variance;
            parameters += Math.Clamp(1 - (precision[j] * variance), 0, 1);
        }

        return parameters;
    }

    /// <summary>
    /// Gets each placed user's log-likelihood of their comparisons under each prototype alone (with the rest of the
    /// model's logit <paramref name="offsets"/>).
    /// </summary>
    private static void LogLikelihoods(double[][] w, IReadOnlyList<PairSample> samples, int[] indices, int[] starts, float[] offsets, double[,] logLikelihood)
    {
        const int width = SurfaceFeatures.Count;
        Array.Clear(logLikelihood);
        for (int i = 0; i < starts.Length - 1; i++)
        {
            for (int n = starts[i]; n < starts[i + 1]; n++)
            {
                PairSample s = samples[indices[n]];
                for (int k = 0; k < w.Length; k++)
                {
                    double z = offsets[n];
                    for (int j = 0; j < width; j++)
                    {
                        z += w[k][j] * (s.Preferred[j] - s.Rejected[j]);
                    }

                    logLikelihood[i, k] += s.Weight * (s.Tie ? 0.5 * (Logistic.LogSigmoid(z) + Logistic.LogSigmoid(-z)) : Logistic.LogSigmoid(z));
                }
            }
        }
    }

    /// <summary>
    /// Drops prototypes by the Bayesian information criterion, one at a time, least useful first: a prototype stays
    /// while the users' log-likelihood under the mixture falls, without it, by more than half its effective parameters
    /// (and one for its share) times the log of the number of comparisons. A dropped prototype's share becomes 0 and the
    /// others' are renormalised; at least two are kept.
    /// </summary>
    /// <param name="logLikelihood">Each user's log-likelihood under each prototype.</param>
    /// <param name="share">The prototypes' shares of the users, updated in place.</param>
    /// <param name="parameters">Each prototype's effective number of parameters.</param>
    /// <param name="logComparisons">The log of the number of comparisons.</param>
    /// <returns>How many prototypes were dropped.</returns>
    internal static int Prune(double[,] logLikelihood, double[] share, ReadOnlySpan<double> parameters, double logComparisons)
    {
        int users = logLikelihood.GetLength(0), prototypes = share.Length, dropped = 0;
        while (true)
        {
            int alive = 0;
            foreach (double v in share)
            {
                alive += v > 0 ? 1 : 0;
            }

            if (alive <= 2)
            {
                return dropped;
            }

            double full = MixtureLogLikelihood(logLikelihood, share, -1);
            int worst = -1;
            double worstMargin = 0;
            for (int k = 0; k < prototypes; k++)
            {
                if (share[k] <= 0)
                {
                    continue;
                }

                double margin = full - MixtureLogLikelihood(logLikelihood, share, k) - (0.5 * (parameters[k] + 1) * logComparisons);
                if (margin < worstMargin)
                {
                    worstMargin = margin;
                    worst = k;
                }
            }

            if (worst < 0)
            {
                return dropped;
            }

            double kept = 1 - share[worst];
            share[worst] = 0;
            for (int k = 0; k < prototypes; k++)
            {
                share[k] /= kept;
            }

            dropped++;
        }

        double MixtureLogLikelihood(double[,] l, double[] weights, int without)
        {
            double total = 0, mass = 1 - (without >= 0 ? weights[without] : 0);
            for (int i = 0; i < users; i++)
            {
                double top = double.NegativeInfinity;
                for (int k = 0; k < prototypes; k++)
                {
                    if (k != without && weights[k] > 0)
                    {
                        top = Math.Max(top, l[i, k]);
                    }
                }

                double sum = 0;
                for (int k = 0; k < prototypes; k++)
                {
                    if (k != without && weights[k] > 0)
                    {
                        sum += weights[k] / mass * Math.Exp(l[i, k] - top);
                    }
                }

                total += top + Math.Log(sum);
            }

            return total;
        }
    }

    /// <summary>Fits a ridge-regularised Bradley–Terry model over the surface factors by Newton's method.</summary>
    private static double[] FitSurface(IReadOnlyList<PairSample> samples, List<int> indices)
    {
        var w = new double[SurfaceFeatures.Count];
        Span<double> factor = stackalloc double[SurfaceFeatures.Count * SurfaceFeatures.Count];
        Span<double> ridge = stackalloc double[SurfaceFeatures.Count];
        ridge.Fill(Ridge);
        for (int iteration = 0; iteration < 8; iteration++)
        {
            NewtonStep(w, samples, CollectionsMarshal.AsSpan(indices), [], [], ridge, factor);
        }

        return w;
    }

    /// <summary>
    /// Takes one Newton step of a ridge-regularised Bradley–Terry fit over the surface factors, in place: each comparison
    /// weighted by its own weight times <paramref name="weights"/> (unless empty) and with a fixed logit
    /// <paramref name="offsets"/> from the rest of the model added (unless empty). <paramref name="factor"/> receives the
    /// Cholesky factor (lower triangle) of the penalised Hessian at the starting point.
    /// </summary>
    private static void NewtonStep(Span<double> w, IReadOnlyList<PairSample> samples, ReadOnlySpan<int> indices, ReadOnlySpan<float> weights, ReadOnlySpan<float> offsets, ReadOnlySpan<double> ridge, Span<double> factor)
    {
        const int width = SurfaceFeatures.Count;
        Span<double> diff = stackalloc double[width];
        Span<double> gradient = stackalloc double[width];
        factor.Clear();
        for (int j = 0; j < width; j++)
        {
            gradient[j] = ridge[j] * w[j];
            factor[(j * width) + j] = ridge[j];
        }

        for (int n = 0; n < indices.Length; n++)
        {
            // A comparison whose user another prototype holds is skipped before its sample is read (a cache miss each).
            if (!weights.IsEmpty && weights[n] <= 0)
            {
                continue;
            }

            PairSample s = samples[indices[n]];
            double weight = s.Weight * (weights.IsEmpty ? 1.0 : weights[n]);
            if (weight <= 0)
            {
                continue;
            }

            double z = offsets.IsEmpty ? 0 : offsets[n];
            for (int j = 0; j < width; j++)
            {
                diff[j] = s.Preferred[j] - s.Rejected[j];
                z += w[j] * diff[j];
            }

            double p = Logistic.Sigmoid(z);
            double g = weight * (p - (s.Tie ? 0.5 : 1.0));
            double h = weight * p * (1 - p);
            for (int a = 0; a < width; a++)
            {
                gradient[a] += g * diff[a];
                for (int b = 0; b <= a; b++)
                {
                    factor[(a * width) + b] += h * diff[a] * diff[b];
                }
            }
        }

        // The factorisation reads only the lower triangle; the gradient becomes the step.
        Cholesky.Factor(factor, width);
        Cholesky.Solve(factor, gradient, width);
        for (int j = 0; j < width; j++)
        {
            w[j] -= gradient[j];
        }
    }
}
