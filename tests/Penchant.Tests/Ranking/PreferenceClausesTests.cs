using Penchant.Language;
namespace Penchant.Ranking;

// Fixtures here are written for these tests (workshop, garden, kitchen and commuting situations), no evaluation item.
public sealed class PreferenceClausesTests
{
    [Theory]
    [InlineData("I don't like spiders in the shed.", "spiders shed", true)]
    [InlineData("I absolutely avoid campsites with a noisy generator hum.", "campsites noisy generator hum", true)]
    [InlineData("I strictly avoid cumin.", "cumin", true)]
    [InlineData("I love smoked paprika.", "smoked paprika", false)]
    [InlineData("Keep it short.", "short", false)]
    [InlineData("No emojis, please.", "emojis", true)]
    [InlineData("I really don’t enjoy crowded ferries.", "crowded ferries", true)]
    [InlineData("I find long layovers too tedious and dull.", "long layovers", true)]
    [InlineData("I am not comfortable with ladders.", "ladders", true)]
    [InlineData("I dislike crosswords that are too obscure.", "crosswords obscure", true)]
    public void Split_OneClause_FindsObjectAndDirection(string text, string expectedObject, bool negative)
    {
        // Act
        List<PreferenceClause> clauses = PreferenceClauses.Split(text);

        // Assert
        PreferenceClause clause = Assert.Single(clauses);
        Assert.Equal(expectedObject, clause.Object);
        Assert.Equal(negative, clause.Negative);
    }

    [Fact]
    public void Split_AgainstAndWillOnly_GivesBothDirections()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I have a strong objection to glossy paint and will only consider matte finishes.");

        Assert.Equal(2, clauses.Count);
        Assert.True(clauses[0].Negative);
        Assert.Contains("glossy", clauses[0].Object, StringComparison.Ordinal);
        Assert.False(clauses[1].Negative);
        Assert.Contains("matte", clauses[1].Object, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_DislikeAndPrefer_GivesBothDirections()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split(
            "I have a real dislike of plastic garden furniture and prefer solid oak benches.");

        Assert.Equal(2, clauses.Count);
        Assert.True(clauses[0].Negative);
        Assert.Contains("plastic", clauses[0].Object, StringComparison.Ordinal);
        Assert.False(clauses[1].Negative);
        Assert.Contains("oak", clauses[1].Object, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_PreferOverAndReason_InvertsAndDropsReason()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I much prefer cast iron pans over nonstick ones because they last for decades.");

        Assert.Equal(2, clauses.Count);
        Assert.False(clauses[0].Negative);
        Assert.True(clauses[1].Negative);
        Assert.Contains("nonstick", clauses[1].Object, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I prefer paints that have not been mixed with solvents.", "paints", "mixed solvents")]
    [InlineData("I find it hard to enjoy puzzles that don't involve wordplay.", "wordplay", "puzzles")]
    [InlineData("I prefer garden feeds free from synthetic nitrates.", "garden feeds", "synthetic nitrates")]
    public void Split_NegatedQualifier_GoesTheOtherWay(string text, string wanted, string avoided)
    {
        // Act
        List<PreferenceClause> clauses = PreferenceClauses.Split(text);

        // Assert
        Assert.Equal(2, clauses.Count);
        Assert.Contains(clauses, c => !c.Negative && c.Object.EndsWith(wanted, StringComparison.Ordinal));
        Assert.Contains(clauses, c => c.Negative && c.Object.EndsWith(avoided, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_FreeOfObject_AvoidsWhatItIsFreeOf()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I strongly prefer lead-free solder wire.");

        Assert.Equal(2, clauses.Count);
        Assert.Contains(clauses, static c => !c.Negative && c.Object == "solder wire");
        Assert.Contains(clauses, static c => c.Negative && c.Object == "lead");
    }

    [Theory]
    [InlineData("Sorting screws by thread size is tedious.")]
    [InlineData("I find spinning fairground rides disorienting.")]
    [InlineData("I am opposed to pesticides on vegetables.")]
    [InlineData("I have a moral objection to battery farming.")]
    [InlineData("I'm afraid of ladders.")]
    public void Split_AvoidanceWithoutVerb_IsNegative(string text)
    {
        PreferenceClause clause = Assert.Single(PreferenceClauses.Split(text));

        Assert.True(clause.Negative);
    }

    [Fact]
    public void Focus_SharedRequestWords_AreRemoved()
    {
        PreferenceClause clause = PreferenceClauses.Split("I absolutely avoid campsites with a noisy generator hum.")[0];

        PreferenceClause focused = PreferenceClauses.Focus(clause, TextTools.ContentStems("Suggest some campsites near the lake"));

        Assert.Equal("noisy generator hum", focused.Object);
    }

    [Theory]
    [InlineData("A cosy cumin-free curry house by the canal.", true)]
    [InlineData("A curry house known for its toasted cumin seeds.", false)]
    [InlineData("Dishes made without cumin.", true)]
    [InlineData("Cumin free dal.", true)]
    [InlineData("A stall with little cumin in its spice mix.", true)]
    [InlineData("The house cumin rice, vegan and halal.", false)]
    public void ExcludesAny_NegatedMention_IsRecognised(string candidate, bool expected)
    {
        Assert.Equal(expected, StatedPreferenceScorer.ExcludesAny(candidate.ToLowerInvariant(), ["cumin"]));
    }

    [Theory]
    [InlineData("A wood glue in a solvent-free formula.", true)]
    [InlineData("Sturdy vegan leather work gloves.", true)]
    [InlineData("A solvent-based glue for a fast bond.", false)]
    [InlineData("Classic leather work gloves, vegan friendly shop.", false)]
    public void ExcludesAny_OtherEndingsAndQualifiers_AreRecognised(string candidate, bool expected)
    {
        Assert.Equal(expected, StatedPreferenceScorer.ExcludesAny(candidate.ToLowerInvariant(), ["solvent", "leather"]));
    }

    [Fact]
    public void Split_SentenceOpeningWithReason_KeepsThePreference()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("Because of the noise, I avoid buying petrol mowers.");

        PreferenceClause clause = Assert.Single(clauses);
        Assert.True(clause.Negative);
        Assert.Contains("mowers", clause.Object, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ParticipleClause_GoesItsOwnWay()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I prefer plain ceramic tiles, avoiding any glossy mosaics.");

        Assert.Equal(2, clauses.Count);
        Assert.False(clauses[0].Negative);
        Assert.Contains("ceramic", clauses[0].Object, StringComparison.Ordinal);
        Assert.True(clauses[1].Negative);
        Assert.Contains("mosaics", clauses[1].Object, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I despise cycling.", true)]
    [InlineData("I can't have tools that need mains power.", true)]
    [InlineData("I enjoy cycling.", false)]
    public void Split_Cue_SetsDirection(string text, bool negative)
    {
        PreferenceClause clause = Assert.Single(PreferenceClauses.Split(text));

        Assert.Equal(negative, clause.Negative);
    }

    [Theory]
    [InlineData("i prefer not to cook dishes that are", true)]
    [InlineData("i dislike crowded trains and prefer carriages that are", false)]
    [InlineData("i need a ladder with", false)]
    [InlineData("i love owls. i hate moths", true)]
    public void IsAgainst_LastCueInSentence_Decides(string prefix, bool against)
    {
        Assert.Equal(against, PreferenceClauses.IsAgainst(prefix));
    }

    [Fact]
    public void Split_InvertingWord_IsNotPartOfTheObject()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I prefer phone plans without any form of roaming charges.");

        PreferenceClause avoided = Assert.Single(clauses, static c => c.Negative);
        Assert.Equal("roaming charges", avoided.Object);
    }

    [Fact]
    public void Split_Concession_IsDropped()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I prefer hand-thrown mugs, even if they are pricier than factory ones.");

        PreferenceClause clause = Assert.Single(clauses);
        Assert.False(clause.Negative);
        Assert.Equal("hand-thrown mugs", clause.Object);
    }

    [Fact]
    public void Focus_RequestWordWithAnotherEnding_IsRemoved()
    {
        PreferenceClause clause = PreferenceClauses.Split("I prefer not to visit large craft fairs with hundreds of stalls.")[0];

        PreferenceClause focused = PreferenceClauses.Focus(clause, TextTools.ContentStems("Which craft fair should I visit?"));

        Assert.Equal("large hundreds stalls", focused.Object);
    }

    [Theory]
    [InlineData("Leave out the anchovies.", "anchovies")]
    [InlineData("Please leave the onions out.", "onions")]
    [InlineData("When you bake for my nephew, leave out walnuts.", "walnuts")]
    [InlineData("Skip the croutons.", "croutons")]
    public void Split_LeavingSomethingOut_IsAgainstIt(string text, string expectedObject)
    {
        PreferenceClause clause = Assert.Single(PreferenceClauses.Split(text));

        Assert.True(clause.Negative);
        Assert.Equal(expectedObject, clause.Object);
    }

    [Fact]
    public void Split_ReasonPointingBack_IsNoClause()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I'd rather not run on Mondays; I rest my knees then.");

        PreferenceClause clause = Assert.Single(clauses);
        Assert.True(clause.Negative);
        Assert.DoesNotContain("knees", clause.Object, StringComparison.Ordinal);
    }
}
