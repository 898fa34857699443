using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>The filter after the gate keeps a scoped preference only for requests in its situation, and names the situation it read.</summary>
public sealed class ScopeSituationsTests
{
    private static readonly float[] SituationAxis = [1, 0, 0];

    [Theory]
    [InlineData("No exclamation marks when you write to my landlord.", "when you write to my landlord")]
    [InlineData("Skip burpees in my lunchtime workouts.", "in my lunchtime workouts")]
    [InlineData("Keep my Sunday runs easy.", "my Sunday runs easy")]
    public void Phrase_UnscopedTextNamingASituation_FindsIt(string text, string expected)
        => Assert.Equal(expected, ScopeSituations.Phrase(new Preference { Id = "pf_1", Text = text }));

    [Fact]
    public void Phrase_ScopedPreference_IsTheScopePhrase()
        => Assert.Equal("emails to the bank", ScopeSituations.Phrase(new Preference { Id = "pf_1", Text = "Be brief.", Scope = new PreferenceScope { Text = "emails to the bank" } }));

    [Fact]
    public void Phrase_PreferenceForEverywhere_IsNull()
        => Assert.Null(ScopeSituations.Phrase(new Preference { Id = "pf_1", Text = "I like short answers." }));

    [Fact]
    public void Apply_RequestFarFromTheSituation_DropsItWithReason()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected();
        var request = new RequestView(new RequestContext("Write to my cousin"), Normalized([0.2f, 1, 0]));

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5);

        Assert.Empty(selected);
        Assert.StartsWith("outside its situation", Assert.Single(outside).Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RequestInTheSituation_KeepsItWithReason()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected();
        var request = new RequestView(new RequestContext("Write to my landlord"), Normalized([1, 0.2f, 0]));

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5);

        Assert.Empty(outside);
        Assert.StartsWith("in its situation", Assert.Single(selected).Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RequestForSomeoneElseThanTheSituation_DropsItWhateverTheSimilarity()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected();
        var request = new RequestView(new RequestContext("Write to my cousin"), SituationAxis);

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5);

        Assert.Empty(selected);
        Assert.Contains("not cousin", Assert.Single(outside).Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a card for my girlfriend", "partner")]
    [InlineData("plan a day out with my mum", "mother")]
    [InlineData("split the gas bill with the housemates", "housemate")]
    [InlineData("a puzzle I can do alone", "self")]
    [InlineData("plan a day out", null)]
    public void PersonOf_NamesWhomATextIsFor(string lower, string? expected)
        => Assert.Equal(expected, ScopeSituations.PersonOf(lower));

    private static (List<SelectedPreference>, PreparedPreference[]) Selected()
    {
        var preference = new Preference { Id = "pf_1", Text = "No exclamation marks when you write to my landlord.", Embedding = SituationAxis };
        var prepared = new PreparedPreference(preference, TextTools.ContentStems(preference.Text), [], null, [], null)
        {
            Situation = "when you write to my landlord",
            SituationVector = SituationAxis,
            SituationMean = 0.3,
            SituationSpread = 0.1,
        };
        return ([new SelectedPreference(preference, 0.9, ["close in meaning"])], [prepared]);
    }

    private static float[] Normalized(float[] v)
    {
        float norm = MathF.Sqrt(v.Sum(static x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
