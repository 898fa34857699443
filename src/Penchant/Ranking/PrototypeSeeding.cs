namespace Penchant.Ranking;

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

        (double[][] centroids, int[] assignment) = KMeans(points, clusters, new Random(seed));
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

    /// <summary>Fits a ridge-regularised Bradley–Terry model over the surface factors by Newton's method.</summary>
    private static double[] FitSurface(IReadOnlyList<PairSample> samples, List<int> indices)
    {
        const int width = SurfaceFeatures.Count;
        var w = new double[width];
        var diff = new double[width];
        var gradient = new double[width];
        var hessian = new double[width * width];
        for (int iteration = 0; iteration < 8; iteration++)
        {
            for (int j = 0; j < width; j++)
            {
                gradient[j] = Ridge * w[j];
            }

            Array.Clear(hessian);
            for (int j = 0; j < width; j++)
            {
                hessian[(j * width) + j] = Ridge;
            }

            foreach (int index in indices)
            {
                PairSample s = samples[index];
                double z = 0;
                for (int j = 0; j < width; j++)
                {
                    diff[j] = s.Preferred[j] - s.Rejected[j];
                    z += w[j] * diff[j];
                }

                double p = RankingTrainer.Sigmoid(z);
                double g = s.Weight * (p - (s.Tie ? 0.5 : 1.0));
                double h = s.Weight * p * (1 - p);
                for (int a = 0; a < width; a++)
                {
                    gradient[a] += g * diff[a];
                    for (int b = 0; b < width; b++)
                    {
                        hessian[(a * width) + b] += h * diff[a] * diff[b];
                    }
                }
            }

            double[] step = SolveSymmetric(hessian, gradient, width);
            for (int j = 0; j < width; j++)
            {
                w[j] -= step[j];
            }
        }

        return w;
    }

    /// <summary>Solves <c>A x = b</c> for a symmetric positive definite A by Cholesky factorisation (A is overwritten).</summary>
    private static double[] SolveSymmetric(double[] a, double[] b, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                d -= a[(j * n) + k] * a[(j * n) + k];
            }

            a[(j * n) + j] = Math.Sqrt(Math.Max(d, 1e-12));
            for (int i = j + 1; i < n; i++)
            {
                double v = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    v -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = v / a[(j * n) + j];
            }
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = b[i];
            for (int k = 0; k < i; k++)
            {
                v -= a[(i * n) + k] * x[k];
            }

            x[i] = v / a[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double v = x[i];
            for (int k = i + 1; k < n; k++)
            {
                v -= a[(k * n) + i] * x[k];
            }

            x[i] = v / a[(i * n) + i];
        }

        return x;
    }

    /// <summary>k-means with k-means++ starts; the restart with the least within-cluster distance wins.</summary>
    private static (double[][] Centroids, int[] Assignment) KMeans(List<double[]> points, int k, Random random)
    {
        int n = points.Count, width = points[0].Length;
        double[][]? bestCentroids = null;
        int[]? bestAssignment = null;
        double bestCost = double.PositiveInfinity;
        for (int restart = 0; restart < Restarts; restart++)
        {
            // k-means++: each next start is drawn in proportion to its squared distance from the nearest chosen one.
            var centroids = new double[k][];
            centroids[0] = (double[])points[random.Next(n)].Clone();
            var nearest = new double[n];
            for (int c = 1; c < k; c++)
            {
                double total = 0;
                for (int i = 0; i < n; i++)
                {
                    nearest[i] = double.PositiveInfinity;
                    for (int e = 0; e < c; e++)
                    {
                        nearest[i] = Math.Min(nearest[i], Distance(points[i], centroids[e]));
                    }

                    total += nearest[i];
                }

                double draw = random.NextDouble() * total;
                int chosen = n - 1;
                for (int i = 0; i < n; i++)
                {
                    draw -= nearest[i];
                    if (draw <= 0)
                    {
                        chosen = i;
                        break;
                    }
                }

                centroids[c] = (double[])points[chosen].Clone();
            }

            var assignment = new int[n];
            double cost = 0;
            for (int iteration = 0; iteration < Iterations; iteration++)
            {
                cost = 0;
                for (int i = 0; i < n; i++)
                {
                    double best = double.PositiveInfinity;
                    for (int c = 0; c < k; c++)
                    {
                        double distance = Distance(points[i], centroids[c]);
                        if (distance < best)
                        {
                            best = distance;
                            assignment[i] = c;
                        }
                    }

                    cost += best;
                }

                var counts = new int[k];
                var sums = new double[k][];
                for (int c = 0; c < k; c++)
                {
                    sums[c] = new double[width];
                }

                for (int i = 0; i < n; i++)
                {
                    counts[assignment[i]]++;
                    for (int j = 0; j < width; j++)
                    {
                        sums[assignment[i]][j] += points[i][j];
                    }
                }

                for (int c = 0; c < k; c++)
                {
                    if (counts[c] > 0)
                    {
                        for (int j = 0; j < width; j++)
                        {
                            centroids[c][j] = sums[c][j] / counts[c];
                        }
                    }
                }
            }

            if (cost < bestCost)
            {
                bestCost = cost;
                bestCentroids = centroids;
                bestAssignment = assignment;
            }
        }

        return (bestCentroids!, bestAssignment!);
    }

    private static double Distance(double[] a, double[] b)
    {
        double d = 0;
        for (int j = 0; j < a.Length; j++)
        {
            d += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return d;
    }
}
