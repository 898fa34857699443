namespace Penchant.Ranking;

public sealed class NumericConstraintsTests
{
    [Theory]
    [InlineData("I strongly prefer not to watch movies that are more than two hours long.", "minute", 120, true)]
    [InlineData("I strongly dislike movies that are over two and a half hours long.", "minute", 150, true)]
    [InlineData("I prefer small hotels with no more than 30 rooms.", "room", 30, true)]
    [InlineData("I need a vehicle with at least 7 seats.", "seat", 7, false)]
    [InlineData("I dislike high-rise hotels and prefer ones that are no taller than three stories.", "floor", 3, true)]
    [InlineData("I only buy shoes under $50.", "usd", 50, true)]
    [InlineData("I avoid hikes shorter than 5 miles.", "km", 8.04672, false)]
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
        Assert.Empty(NumericConstraints.Parse("I love long walks on the beach with two dogs."));
    }

    [Theory]
    [InlineData("Schindler's List (1993) - 195 minutes", 195, "minute")]
    [InlineData("Tár (2h 38m) - A psychological drama.", 158, "minute")]
    [InlineData("A charming 24-room boutique hotel.", 24, "room")]
    [InlineData("Trump International Hotel & Tower, a 92-story luxury high-rise.", 92, "floor")]
    [InlineData("A jacket for $1,200 at most stores.", 1200, "usd")]
    public void Quantities_StatedAmount_IsRead(string text, double value, string unit)
    {
        Quantity quantity = Assert.Single(NumericConstraints.Quantities(text));

        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(value, quantity.Value, 3);
    }

    [Fact]
    public void Quantities_YearsAndOrdinals_AreNotAmounts()
    {
        Assert.Empty(NumericConstraints.Quantities("Peaky Blinders (2013-2022) - set in 1919 Birmingham in the 20th century."));
    }

    [Theory]
    [InlineData("Fleabag (2 seasons) - A dark comedy.", 1)]
    [InlineData("Friends (10 seasons) - A classic sitcom.", -1)]
    [InlineData("Friends - A classic sitcom.", 0)]
    public void Check_Candidate_KeepsBreaksOrSaysNothing(string candidate, double expected)
    {
        List<NumericConstraint> bounds = NumericConstraints.Parse("I prefer not to watch any TV shows with more than three seasons.");

        Assert.Equal(expected, NumericConstraints.Check(bounds, candidate));
    }
}
