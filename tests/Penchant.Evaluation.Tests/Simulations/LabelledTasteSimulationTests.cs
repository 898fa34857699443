namespace Penchant.Evaluation.Simulations;

public sealed class LabelledTasteSimulationTests
{
    private const int Embedding = 4;

    // Surface factors (14), the response embedding, its product with the context, and their cosine: FeatureLayout's order.
    private const int Length = 14 + (2 * Embedding) + 1;

    /// <summary>A source whose annotation prefers the response that is higher on one embedding axis; the rest is noise.</summary>
    private static LabelledSource Source(string name, int axis, Random random)
    {
        var pairs = new List<(float[], float[])>();
        for (int i = 0; i < 200; i++)
        {
            float[] preferred = Noise(random), other = Noise(random);
            preferred[14 + axis] = 1f;
            other[14 + axis] = -1f;
            pairs.Add((preferred, other));
        }

        return new LabelledSource(name, pairs);
    }

    private static float[] Noise(Random random)
    {
        var v = new float[Length];
        for (int k = 14; k < 14 + Embedding; k++)
        {
            v[k] = (float)(random.NextDouble() - 0.5);
        }

        return v;
    }

    [Fact]
    public void Run_FlippedTastes_GlobalIsAtChanceWhileAUsersOwnComparisonsLearnTheirTaste()
    {
        var random = new Random(5);
        LabelledSource[] sources = [Source("first", 0, random), Source("second", 1, random)];
        var settings = new PluralisticSettings { UsersPerTaste = 4, Prototypes = 4, Seed = 5 };

        PluralisticReport report = LabelledTasteSimulation.Run(sources, Embedding, settings, TestContext.Current.CancellationToken);

        // Each source as annotated and flipped: one model for everyone cannot side with both.
        Assert.Equal(["first", "first-flipped", "second", "second-flipped"], report.PerTaste.Select(static t => t.Taste));
        Assert.InRange(report.NewUsersAt10("global"), 0.3, 0.7);
        Assert.True(report.NewUsersAt10("known_taste") > 0.9, $"known taste {report.NewUsersAt10("known_taste")}");
        double independent = report.Rows.Single(static r => r.Model == "independent").NewUsers[report.Budgets.ToList().IndexOf(10)];
        Assert.True(independent > report.NewUsersAt10("global") + 0.2, $"independent {independent}");
        Assert.Equal(400, report.Pairs);
    }

    [Fact]
    public void Write_EndsWithTheSummaryLine()
    {
        var random = new Random(2);
        PluralisticReport report = LabelledTasteSimulation.Run([Source("only", 2, random)], Embedding, new PluralisticSettings { UsersPerTaste = 2, Prototypes = 2, Seed = 2 }, TestContext.Current.CancellationToken);
        using var output = new StringWriter();

        LabelledTasteSimulation.Write(output, report);

        string last = output.ToString().TrimEnd().Split('\n')[^1];
        Assert.StartsWith("pluralistic: labels=data pairs=200 new_user_10=", last, StringComparison.Ordinal);
    }
}
