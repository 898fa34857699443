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

    [Fact]
    public void Focus_SharedRequestWords_AreRemoved()
    {
        PreferenceClause clause = PreferenceClauses.Split("I absolutely avoid hotels with a bustling nightlife atmosphere.")[0];

        PreferenceClause focused = PreferenceClauses.Focus(clause, Text.TextTools.ContentStems("Suggest some hotels in Las Vegas"));

        Assert.Equal("bustling nightlife atmosphere", focused.Object);
    }

    [Theory]
    [InlineData("A cosy gluten-free trattoria near the Pantheon.", true)]
    [InlineData("A trattoria famous for its fresh gluten pasta.", false)]
    [InlineData("Dishes made without gluten.", true)]
    public void ExcludesAny_NegatedMention_IsRecognised(string candidate, bool expected)
    {
        Assert.Equal(expected, StatedPreferenceScorer.ExcludesAny(candidate.ToLowerInvariant(), ["gluten"]));
    }
}
