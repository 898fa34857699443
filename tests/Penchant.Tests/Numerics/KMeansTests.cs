namespace Penchant.Numerics;

public sealed class KMeansTests
{
    private static readonly double[][] Centres = [[0, 0], [10, 0], [0, 10]];

    private static (List<double[]> Points, int[] Labels) SeparableClusters(int perCluster, int seed)
    {
        var random = new Random(seed);
        var points = new List<double[]>();
        var labels = new List<int>();
        for (int c = 0; c < Centres.Length; c++)
        {
            for (int i = 0; i < perCluster; i++)
            {
                points.Add([Centres[c][0] + random.NextDouble() - 0.5, Centres[c][1] + random.NextDouble() - 0.5]);
                labels.Add(c);
            }
        }

        return (points, [.. labels]);
    }

    [Fact]
    public void Cluster_SeparableClustersFixedSeed_FindsTheClusters()
    {
        (List<double[]> points, int[] labels) = SeparableClusters(20, seed: 11);

        (double[][] centroids, int[] assignment) = KMeans.Cluster(points, 3, new Random(5), restarts: 5, iterations: 30);

        // Every true cluster maps to one found cluster, and different true clusters to different ones.
        var map = new Dictionary<int, int>();
        for (int i = 0; i < points.Count; i++)
        {
            if (map.TryGetValue(labels[i], out int found))
            {
                Assert.Equal(found, assignment[i]);
            }
            else
            {
                map[labels[i]] = assignment[i];
            }
        }

        Assert.Equal(3, map.Values.Distinct().Count());
        foreach ((int label, int cluster) in map)
        {
            Assert.True(KMeans.SquaredDistance(centroids[cluster], Centres[label]) < 0.1);
        }
    }

    [Fact]
    public void Cluster_SameSeed_SameResult()
    {
        (List<double[]> points, _) = SeparableClusters(10, seed: 3);

        (double[][] first, int[] a) = KMeans.Cluster(points, 3, new Random(17), restarts: 2, iterations: 10);
        (double[][] second, int[] b) = KMeans.Cluster(points, 3, new Random(17), restarts: 2, iterations: 10);

        Assert.Equal(a, b);
        Assert.Equal(first.SelectMany(static c => c), second.SelectMany(static c => c));
    }

    [Fact]
    public void SquaredDistance_IsTheSumOfSquaredDifferences()
    {
        Assert.Equal(25, KMeans.SquaredDistance([0, 0], [3, 4]));
    }
}
