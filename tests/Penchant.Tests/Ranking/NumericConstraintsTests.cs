namespace Penchant.Ranking;

// Fixtures here are written for these tests (podcasts, cabins, boats, bikes), no evaluation item.
public sealed class NumericConstraintsTests
{
    [Theory]
    [InlineData("I really prefer not to listen to podcasts that are more than two hours long.", "minute", 120, true)]
    [InlineData("I dislike lectures that are over one and a half hours long.", "minute", 90, true)]
    [InlineData("I like small guesthouses with no more than 12 rooms.", "room", 12, true)]
    [InlineData("I want a boat with at least 6 seats.", "seat", 6, false)]
    [InlineData("I dislike tall office blocks and prefer ones that are no taller than four stories.", "floor", 4, true)]
    [InlineData("I only buy bike lights under $40.", "usd", 40, true)]
    [InlineData("I avoid walks shorter than 5 miles.", "km", 8.04672, false)]
    public void Parse_Comparison_GivesBound(string preference, string unit, double limit, bool isMaximum)
    {
        // Act
        NumericConstraint bound = Assert.Single(NumericConstraints.Parse(preference));

        // Assert
        Assert.Equal(unit, bound.Unit);
        Assert.Equal(limit, bound.Limit, 3);
        Assert.Equal(isMaximum, bound.IsMaximum);
    }

    [Fact]
    public void Parse_NoComparison_GivesNone()
    {
        Assert.Empty(NumericConstraints.Parse("I love long rides along the canal with two friends."));
    }

    [Theory]
    [InlineData("The Lighthouse Keepers (2021) - 175 minutes", 175, "minute")]
    [InlineData("Salt Marsh (1h 47m) - A quiet documentary.", 107, "minute")]
    [InlineData("A snug 9-room farmhouse inn.", 9, "room")]
    [InlineData("Harbour Point, a 41-story glass tower.", 41, "floor")]
    [InlineData("A tent for $1,350 at most shops.", 1350, "usd")]
    public void Quantities_StatedAmount_IsRead(string text, double value, string unit)
    {
        Quantity quantity = Assert.Single(NumericConstraints.Quantities(text));

        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(value, quantity.Value, 3);
    }

    [Fact]
    public void Quantities_YearsAndOrdinals_AreNotAmounts()
    {
        Assert.Empty(NumericConstraints.Quantities("Canal Folk (2009-2015) - set in 1887 Leeds in the 19th century."));
    }

    [Theory]
    [InlineData("Hill Farm (2 series) - A gentle drama.", 1)]
    [InlineData("Night Shift (9 series) - A long-running comedy.", -1)]
    [InlineData("Night Shift - A long-running comedy.", 0)]
    public void Check_Candidate_KeepsBreaksOrSaysNothing(string candidate, double expected)
    {
        List<NumericConstraint> bounds = NumericConstraints.Parse("I prefer not to start any box sets with more than three series.");

        Assert.Equal(expected, NumericConstraints.Check(bounds, candidate));
    }
}
