using System.Text;

namespace Penchant.Selecting;

public sealed class GateModelTests
{
    [Fact]
    public void Default_IsTheShippedModelOverTheGatesFeatures()
    {
        GateModel model = GateModel.Default;

        Assert.Equal(GateFeatures.Names.Length, model.Weights.Count);
        Assert.InRange(model.Threshold, 0.05, 0.95);
    }

    [Fact]
    public void Probability_Veto_DecidesThePair()
    {
        var model = new GateModel(new double[GateFeatures.Names.Length], bias: 0, plattSlope: 1, plattIntercept: 0, threshold: 0.5);
        var plain = new GateFeatures();

        Assert.Equal(0.5, model.Probability(plain), 12);
        Assert.True(model.Probability(plain with { Overridden = 1 }) < 0.001);
        Assert.True(model.Probability(plain with { OutOfScope = 1 }) < 0.001);
    }

    [Fact]
    public void Read_FeaturesByName_InAnyOrder_OthersWeighZero()
    {
        string json = """{ "comment": "x", "features": ["lead", "text_z"], "weights": [1, 2], "bias": 0, "threshold": 0.5 }""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        GateModel model = GateModel.Read(stream);

        Assert.Equal(1, model.Weights[Array.IndexOf(GateFeatures.Names, "lead")]);
        Assert.Equal(2, model.Weights[Array.IndexOf(GateFeatures.Names, "text_z")]);
        Assert.Equal(3, model.Weights.Sum());
    }

    [Theory]
    [InlineData("""{ "features": ["lead", "no_such_feature"], "weights": [1, 2] }""")]
    [InlineData("""{ "features": ["lead", "lead"], "weights": [1, 2] }""")]
    [InlineData("""{ "features": ["lead"], "weights": [1, 2] }""")]
    public void Read_UnknownRepeatedOrUnweighedFeature_Throws(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => GateModel.Read(stream));
    }

    [Fact]
    public void ToFile_ThenRead_GivesTheSameProbabilities()
    {
        var model = new GateModel([0.5, 1, 2, -1, 0.7, 0.1, 1.5, -0.3, 1, -0.5, -1, 2, -1, -0.5, 1.2, 0.8, 0.9], bias: -2, plattSlope: 0.8, plattIntercept: 0.1, threshold: 0.4);
        var f = new GateFeatures { TextSimilarity = 0.5, TextZ = 2, Lead = 0.7, Strength = 1, ScopeMatch = 1, Crowd = 0.7, HintLead = 0.2, HasHints = 1, Neighbourhood = 0.4, NeighbourhoodLead = 0.1, HintBehind = 0.3 };

        GateModel back = GateModel.FromFile(model.ToFile("test", 10, 3, 0.01));

        Assert.Equal(model.Probability(f), back.Probability(f), 4);
        Assert.Equal(0.4, back.Threshold);
    }

    [Fact]
    public void BackgroundMeasure_GivesMeanAndFlooredSpread()
    {
        float[] v = [1, 0];
        (double mean, double spread) = GateBackground.Measure(v, [[0.2f, 0], [0.4f, 0]]);
        (double _, double floored) = GateBackground.Measure(v, [[0.3f, 0], [0.3f, 0]]);

        Assert.Equal(0.3, mean, 6);
        Assert.Equal(0.1, spread, 6);
        Assert.Equal(GateBackground.MinimumSpread, floored);
    }
}
