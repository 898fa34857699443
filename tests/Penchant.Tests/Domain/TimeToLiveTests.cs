namespace Penchant.Domain;

public sealed class TimeToLiveTests
{
    [Theory]
    [InlineData("P7D", 7 * 24 * 3600)]
    [InlineData("PT12H", 12 * 3600)]
    [InlineData("P1DT6H30M", (30 * 3600) + (30 * 60))]
    [InlineData("pt90m", 5400)]
    [InlineData("3600", 3600)]
    [InlineData(" 90 ", 90)]
    public void Parse_DurationOrSeconds_ReadsIt(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), TimeToLive.Parse(text, "ttl"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("PT0S")]
    [InlineData("0")]
    [InlineData("-60")]
    [InlineData("1.5")]
    [InlineData("P")]
    public void Parse_Malformed_ThrowsNamingTheField(string text)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => TimeToLive.Parse(text, "ttl"));

        Assert.Equal("ttl", error.ParamName);
    }
}
