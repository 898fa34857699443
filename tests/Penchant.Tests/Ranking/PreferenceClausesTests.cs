using Penchant.Language;
namespace Penchant.Ranking;

public sealed class PreferenceClausesTests
{
    [Theory]
    [InlineData("I don't like reptiles as pets.", "reptiles pets", true)]
    [InlineData("I absolutely avoid hotels with a bustling nightlife atmosphere.", "hotels bustling nightlife atmosphere", true)]
    [InlineData("I strictly avoid gluten.", "gluten", true)]
    [InlineData("I love spicy food.", "spicy food", false)]
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
    public void Split_DislikeAndPrefer_GivesBothDirections()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split(
            "I have a strong aversion to digital or online learning environments and prefer traditional, in-person classroom settings.");

        Assert.Equal(2, clauses.Count);
        Assert.True(clauses[0].Negative);
        Assert.Contains("online", clauses[0].Object, StringComparison.Ordinal);
        Assert.False(clauses[1].Negative);
        Assert.Contains("classroom", clauses[1].Object, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_PreferOverAndReason_InvertsAndDropsReason()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I strongly prefer cars with manual transmissions over automatic ones because they are fun.");

        Assert.Equal(2, clauses.Count);
        Assert.False(clauses[0].Negative);
        Assert.True(clauses[1].Negative);
        Assert.Contains("automatic", clauses[1].Object, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I strongly prefer cosmetics that have not been tested on animals.", "cosmetics", "tested animals")]
    [InlineData("I find it difficult to stay engaged in learning activities that don't involve group work.", "group work", "learning activities")]
    [InlineData("I prefer skincare formulas free from animal-derived ingredients.", "skincare formulas", "animal-derived ingredients")]
    public void Split_NegatedQualifier_GoesTheOtherWay(string text, string wanted, string avoided)
    {
        // Act
        List<PreferenceClause> clauses = PreferenceClauses.Split(text);

        // Assert
        Assert.Equal(2, clauses.Count);
        Assert.Contains(clauses, c => !c.Negative && c.Object == wanted);
        Assert.Contains(clauses, c => c.Negative && c.Object.EndsWith(avoided, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_FreeOfObject_AvoidsWhatItIsFreeOf()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I strongly prefer sulfate-free face cleansers.");

        Assert.Equal(2, clauses.Count);
        Assert.Contains(clauses, static c => !c.Negative && c.Object == "face cleansers");
        Assert.Contains(clauses, static c => c.Negative && c.Object == "sulfate");
    }

    [Theory]
    [InlineData("I find it tedious to play games that require extensive resource management.")]
    [InlineData("I find virtual reality simulations disorienting.")]
    [InlineData("I am opposed to crate training for dogs.")]
    [InlineData("I have an ethical objection to animal testing.")]
    [InlineData("I'm afraid of heights.")]
    public void Split_AvoidanceWithoutVerb_IsNegative(string text)
    {
        PreferenceClause clause = Assert.Single(PreferenceClauses.Split(text));

        Assert.True(clause.Negative);
    }

    [Fact]
    public void Focus_SharedRequestWords_AreRemoved()
    {
        PreferenceClause clause = PreferenceClauses.Split("I absolutely avoid hotels with a bustling nightlife atmosphere.")[0];

        PreferenceClause focused = PreferenceClauses.Focus(clause, TextTools.ContentStems("Suggest some hotels in Las Vegas"));

        Assert.Equal("bustling nightlife atmosphere", focused.Object);
    }

    [Theory]
    [InlineData("A cosy gluten-free trattoria near the Pantheon.", true)]
    [InlineData("A trattoria famous for its fresh gluten pasta.", false)]
    [InlineData("Dishes made without gluten.", true)]
    [InlineData("Gluten free pizza.", true)]
    [InlineData("A bakery with little gluten in its bread.", true)]
    [InlineData("The classic gluten bread, vegan and kosher.", false)]
    public void ExcludesAny_NegatedMention_IsRecognised(string candidate, bool expected)
    {
        Assert.Equal(expected, StatedPreferenceScorer.ExcludesAny(candidate.ToLowerInvariant(), ["gluten"]));
    }

    [Theory]
    [InlineData("A primer in a silicone-free formula.", true)]
    [InlineData("A sleek vegan leather jacket.", true)]
    [InlineData("Herbivore's vegan and cruelty-free serum.", true)]
    [InlineData("A primer with silicone for a smooth finish.", false)]
    [InlineData("A classic leather jacket, vegan friendly staff.", false)]
    public void ExcludesAny_OtherEndingsAndQualifiers_AreRecognised(string candidate, bool expected)
    {
        Assert.Equal(expected, StatedPreferenceScorer.ExcludesAny(candidate.ToLowerInvariant(), ["silicon", "leather", "cruelty"]));
    }

    [Fact]
    public void Split_SentenceOpeningWithReason_KeepsThePreference()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("Due to ethical concerns, I avoid buying leather bags.");

        PreferenceClause clause = Assert.Single(clauses);
        Assert.True(clause.Negative);
        Assert.Contains("leather", clause.Object, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ParticipleClause_GoesItsOwnWay()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I strictly prefer minimalist fashion, avoiding any loud patterns.");

        Assert.Equal(2, clauses.Count);
        Assert.False(clauses[0].Negative);
        Assert.Contains("minimalist", clauses[0].Object, StringComparison.Ordinal);
        Assert.True(clauses[1].Negative);
        Assert.Contains("patterns", clauses[1].Object, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I despise running.", true)]
    [InlineData("I can't have pets that make loud sounds.", true)]
    [InlineData("I enjoy running.", false)]
    public void Split_Cue_SetsDirection(string text, bool negative)
    {
        PreferenceClause clause = Assert.Single(PreferenceClauses.Split(text));

        Assert.Equal(negative, clause.Negative);
    }

    [Theory]
    [InlineData("i prefer not to watch shows that are", true)]
    [InlineData("i dislike high-rise hotels and prefer properties that are", false)]
    [InlineData("i need a vehicle with", false)]
    [InlineData("i love cats. i hate movies", true)]
    public void IsAgainst_LastCueInSentence_Decides(string prefix, bool against)
    {
        Assert.Equal(against, PreferenceClauses.IsAgainst(prefix));
    }

    [Fact]
    public void Split_InvertingWord_IsNotPartOfTheObject()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I strongly prefer games without any form of microtransactions.");

        PreferenceClause avoided = Assert.Single(clauses, static c => c.Negative);
        Assert.Equal("microtransactions", avoided.Object);
    }

    [Fact]
    public void Split_Concession_IsDropped()
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split("I prefer sustainable fashion, even if it costs more than fast fashion brands.");

        PreferenceClause clause = Assert.Single(clauses);
        Assert.False(clause.Negative);
        Assert.Equal("sustainable fashion", clause.Object);
    }

    [Fact]
    public void Focus_RequestWordWithAnotherEnding_IsRemoved()
    {
        PreferenceClause clause = PreferenceClauses.Split("I prefer not to attend large gaming conventions with thousands of attendees.")[0];

        PreferenceClause focused = PreferenceClauses.Focus(clause, TextTools.ContentStems("Which gaming conventions should I attend?"));

        Assert.Equal("large thousands", focused.Object);
    }
}
