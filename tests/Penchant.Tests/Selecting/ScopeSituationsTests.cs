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

    [Fact]
    public void Qualifiers_SituationClauseAfterASubject_LeavesOutTheVerb()
        => Assert.Equal(["landlord"], ScopeSituations.Qualifiers(new Preference { Id = "pf_1", Text = "No exclamation marks when you write to my landlord." }));

    [Fact]
    public void Qualifiers_ScopeWithASubject_LeavesOutItsVerb()
        => Assert.Equal(["landlords"], ScopeSituations.Qualifiers(new Preference { Id = "pf_1", Text = "Keep it short.", Scope = new PreferenceScope { Text = "I reply to landlords" } }));

    [Fact]
    public void Qualifiers_ThingsOfTheUsers_AreOnePart()
        => Assert.Equal(["lunchtime workouts"], ScopeSituations.Qualifiers(new Preference { Id = "pf_1", Text = "Skip burpees in my lunchtime workouts." }));

    [Fact]
    public void Qualifiers_RequestAsScope_LeavesOutItsImperative()
        => Assert.Equal(["picnic", "rowing crew"], ScopeSituations.Qualifiers(new Preference { Id = "pf_1", Text = "No sandwiches.", Scope = new PreferenceScope { Text = "Plan a picnic for my rowing crew." } }));

    [Fact]
    public void Qualifiers_ConditionOnAnAmount_IsNoQualifier()
        => Assert.Equal(["trains"], ScopeSituations.Qualifiers(new Preference { Id = "pf_1", Text = "I want a quiet carriage.", Scope = new PreferenceScope { Text = "trains longer than five hours" } }));

    [Fact]
    public void Apply_RequestInTheDomainWithoutTheQualifier_DropsItNamingTheQualifier()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Qualified();
        var request = new RequestView(new RequestContext("Plan a sunrise workout"), SituationAxis);

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5);

        Assert.Empty(selected);
        Assert.Contains("\"lunchtime workouts\" z -3.00", Assert.Single(outside).Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RequestStatingTheQualifier_KeepsIt()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Qualified();
        var request = new RequestView(new RequestContext("Plan a lunchtime workout"), SituationAxis);

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5);

        Assert.Empty(outside);
        Assert.Single(selected);
    }

    [Fact]
    public void Apply_RequestCloseToTheQualifierInMeaning_KeepsIt()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Qualified();
        var request = new RequestView(new RequestContext("Plan a midday session"), Normalized([1, 1, 0]));

        List<SelectedPreference> outside = ScopeSituations.Apply(selected, prepared, request, minimumZ: 1.5);

        Assert.Empty(outside);
        Assert.Single(selected);
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
