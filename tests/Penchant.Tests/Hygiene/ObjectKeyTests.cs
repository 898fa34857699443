namespace Penchant.Hygiene;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("When I book flights I want an aisle seat.", "Put me by the gangway when I fly.")]
    [InlineData("Use TS for front-end examples.", "Write my front-end code in TypeScript.")]
    [InlineData("No meetings on Fridays.", "Keep my Friday free of meetings.")]
    [InlineData("I buy from local stores.", "Support the local store in my street.")]
    public void CompareTo_SynonymsAbbreviationsAndPlurals_ShareTheObject(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.SharedObject, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.Clash);
        Assert.False(agreement.SoftClash);
    }

    [Theory]
    [InlineData("I'm allergic to peanuts.", "I'm allergic to dogs.")]
    [InlineData("I'm allergic to peanuts.", "I'm allergic to penicillin.")]
    [InlineData("I prefer morning meetings.", "No meetings on Fridays.")]
    [InlineData("I prefer hotels with a gym.", "I prefer hotels with a pool.")]
    public void CompareTo_DifferentObjectsOrConditions_Clash(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.Clash, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.SharedObject);
    }

    [Fact]
    public void CompareTo_SameObjectOneAddsACondition_SoftClash()
    {
        ObjectKey.Agreement agreement = ObjectKey.Of("I take my tea strong.").CompareTo(ObjectKey.Of("No tea in the evening."));

        Assert.True(agreement.SharedObject);
        Assert.False(agreement.Clash);
        Assert.True(agreement.SoftClash);
    }

    [Fact]
    public void Of_NamesAndNumbersOutsideTheThesaurus_AreKeptAsWords()
    {
        ObjectKey key = ObjectKey.Of("My cat is called Pixel and I wake up at six.");

        Assert.Contains("pixel", key.Residual);
        Assert.Contains("6", key.Residual);
        Assert.Contains(key.Concepts, static c => c.Id == "cat");
        Assert.DoesNotContain("cat", key.Residual);
    }
}
