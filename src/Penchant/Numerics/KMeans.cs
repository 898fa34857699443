namespace Penchant.Numerics;

/// <summary>
/// k-means clustering under squared Euclidean distance, with k-means++ starts and a few restarts; the restart with the
/// least within-cluster distance wins. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class KMeans
{
    /// <summary>Clusters the points.</summary>
    /// <param name="points">The points, all of one width; at least one.</param>
    /// <param name="k">The number of clusters, at most the number of points.</param>
    /// <param name="random">The source of the k-means++ draws.</param>
    /// <param name="restarts">How many times to start again from new k-means++ starts.</param>
    /// <param name="iterations">The Lloyd iterations of each restart (a fixed number, no early stop).</param>
    /// <returns>The centroids of the best restart and the cluster of each point.</returns>
    public static (double[][] Centroids, int[] Assignment) Cluster(List<double[]> points, int k, Random random, int restarts, int iterations)
    {
        int n = points.Count, width = points[0].Length;
        double[][]? bestCentroids = null;
        int[]? bestAssignment = null;
        double bestCost = double.PositiveInfinity;
        for (int restart = 0; restart < restarts; restart++)
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
                        nearest[i] = Math.Min(nearest[i], SquaredDistance(points[i], centroids[e]));
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
            for (int iteration = 0; iteration < iterations; iteration++)
            {
                cost = 0;
                for (int i = 0; i < n; i++)
                {
                    double best = double.PositiveInfinity;
                    for (int c = 0; c < k; c++)
                    {
                        double distance = SquaredDistance(points[i], centroids[c]);
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

    /// <summary>Gets the squared Euclidean distance between two points of one width.</summary>
    public static double SquaredDistance(double[] a, double[] b)
    {
        double d = 0;
        for (int j = 0; j < a.Length; j++)
        {
            d += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return d;
    }
}
