using System.Security.Cryptography;
using System.Text;
using Penchant.Conventions;
using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>
/// The learned near-scope test: a situation's qualifier is compared slot by slot with the request, with the situation made
/// general and with the qualifier's modifier; the model drops a preference whose qualifier the request does not meet.
/// </summary>
public sealed class NearScopeTests
{
    private static readonly float[] SituationAxis = [1, 0, 0];

    [Theory]
    [InlineData("my weekday swims", "weekday swims", "my swims")]
    [InlineData("message my tenants", "tenants", "message my")]
    [InlineData("hedges", "hedges", null)]
    [InlineData("my weekday swims", "evening rides", null)]
    public void General_MakesTheQualifierGeneral(string situation, string qualifier, string? expected)
        => Assert.Equal(expected, ScopeSituations.General(situation, qualifier));

    [Theory]
    [InlineData("weekday swims", "weekday")]
    [InlineData("upper arm stretches", "upper arm")]
    [InlineData("tenants", null)]
    public void Modifier_IsTheWordsBeforeTheHead(string qualifier, string? expected)
        => Assert.Equal(expected, ScopeSituations.Modifier(qualifier));

    [Fact]
    public void RequestPart_Split_LeavesOutTheOpeningVerb()
        => Assert.Equal(["quiet campsite", "nephews"], RequestPart.Split("Find a quiet campsite for my nephews."));

    [Fact]
    public void Apply_ModelSaysTheQualifierIsUnmet_DropsItNamingTheQualifier()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Qualified();
        var request = new RequestView(new RequestContext("Plan a sunrise workout"), SituationAxis);

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5, qualifierZ: null, nearScope: ByQualifierZ());

        Assert.Empty(selected);
        string reason = Assert.Single(outside).Reasons[0];
        Assert.Contains("\"lunchtime workouts\" p", reason, StringComparison.Ordinal);
        Assert.Contains("learned near scope", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RequestStatingTheQualifier_KeepsItWhateverTheModel()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Qualified();
        var request = new RequestView(new RequestContext("Plan a lunchtime workout"), SituationAxis);

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5, qualifierZ: null, nearScope: ByQualifierZ());

        Assert.Empty(outside);
        Assert.Single(selected);
    }

    [Fact]
    public void Apply_ModelSaysTheQualifierIsMet_KeepsItWithItsProbability()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Qualified();
        var request = new RequestView(new RequestContext("Plan a midday session"), Normalized([1, 1, 0]));

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5, qualifierZ: null, nearScope: ByQualifierZ());

        Assert.Empty(outside);
        Assert.Contains("\"lunchtime workouts\" p 0.", Assert.Single(selected).Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Unmet_ClosestRequestPartFillsTheSlot_IsMetThroughThePart()
    {
        (_, PreparedPreference[] prepared) = Qualified();
        var model = new NearScopeModel(Weights(("part_z", 1)), bias: -2, threshold: 0.5);
        var whole = new RequestView(new RequestContext("Plan a midday session"), SituationAxis);
        var parts = new RequestView(new RequestContext("Plan a midday session"), SituationAxis) { Parts = [new RequestPart("midday session", [0, 1, 0])] };

        Assert.NotNull(ScopeSituations.Unmet(prepared[0], whole, situationZ: 7, model));
        Assert.Null(ScopeSituations.Unmet(prepared[0], parts, situationZ: 7, model));
    }

    [Fact]
    public void Read_FeaturesByName_UnknownIgnoredMissingZero()
    {
        NearScopeModel model = NearScopeModel.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            """{ "features": ["part_z", "not_a_feature"], "weights": [2.5, 9], "bias": -1, "threshold": 0.3 }""")));

        Assert.Equal(2.5, model.Weights[Array.IndexOf(NearScopeFeatures.Names, "part_z")]);
        Assert.Equal(2.5, model.Weights.Sum());
        Assert.Equal(0.3, model.Threshold);
    }

    [Fact]
    public void Read_WeightsNotMatchingFeatures_Throws()
        => Assert.Throws<InvalidDataException>(() => NearScopeModel.Read(new MemoryStream(Encoding.UTF8.GetBytes("""{ "features": ["part_z"], "weights": [] }"""))));

    [Fact]
    public void Write_ThenRead_GivesTheSameModel()
    {
        var model = new NearScopeModel(Weights(("qualifier_z", 0.7), ("other_person", -1.2)), bias: -0.4, threshold: 0.35);
        using var stream = new MemoryStream();

        model.Write(stream, "a test", examples: 3, inScope: 2);
        NearScopeModel read = NearScopeModel.Read(new MemoryStream(stream.ToArray()));

        Assert.Equal(model.Weights, read.Weights);
        Assert.Equal(model.Bias, read.Bias);
        Assert.Equal(model.Threshold, read.Threshold);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("off")]
    public void FromSetting_Off_IsNoModel(string? setting) => Assert.Null(NearScopeModel.FromSetting(setting));

    [Fact]
    public void Shipped_WeighsEveryFeatureAndNamesThePairsItWasFittedOn()
    {
        NearScopeModel shipped = Assert.IsType<NearScopeModel>(NearScopeModel.FromSetting("shipped"));
        string file = File.ReadAllText(Path.Combine(Repository.Root, "src", "Penchant", "Selecting", "Resources", "near-scope-model.json"));
        string pairs = Path.Combine(Repository.Root, "training", "near-scope", "pairs.jsonl");
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(pairs)));

        Assert.All(NearScopeFeatures.Names, name => Assert.Contains($"\"{name}\"", file, StringComparison.Ordinal));
        Assert.InRange(shipped.Threshold, 0.01, 0.99);
        Assert.Contains(sha, file, StringComparison.Ordinal);
    }

    private static double[] Weights(params (string Name, double Weight)[] named)
    {
        var weights = new double[NearScopeFeatures.Names.Length];
        foreach ((string name, double weight) in named)
        {
            weights[Array.IndexOf(NearScopeFeatures.Names, name)] = weight;
        }

        return weights;
    }

    // Met when the request's z-score for the qualifier is above 2.
    private static NearScopeModel ByQualifierZ() => new(Weights(("qualifier_z", 1)), bias: -2, threshold: 0.5);

    // A situation along the first axis whose qualifier lies along the second: a request along the first alone is in its domain only.
    private static (List<SelectedPreference>, PreparedPreference[]) Qualified()
    {
        var preference = new Preference { Id = "pf_2", Text = "Skip burpees in my lunchtime workouts.", Embedding = SituationAxis };
        var prepared = new PreparedPreference(preference, TextTools.ContentStems(preference.Text), [], null, [], null)
        {
            Situation = "in my lunchtime workouts",
            SituationVector = SituationAxis,
            SituationMean = 0.3,
            SituationSpread = 0.1,
            Qualifiers = [new SituationQualifier("lunchtime workouts", [0, 1, 0], 0.3, 0.1)],
        };
        return ([new SelectedPreference(preference, 0.9, ["close in meaning"])], [prepared]);
    }

    private static float[] Normalized(float[] v)
    {
        float norm = MathF.Sqrt(v.Sum(static x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
