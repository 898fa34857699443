using Penchant.Domain;

namespace Penchant.Learning.Edits;

public sealed class StyleFeaturesTests
{
    [Fact]
    public void Measure_Email_ReadsGreetingClosingAndCounts()
    {
        // Arrange
        const string text = "Hi Sam,\n\nThe report is done. Can you check the numbers? It's great!\n\nBest regards,\nAnna";

        // Act
        float[] levels = StyleFeatures.Measure(text);

        // Assert
        Assert.Equal(1, levels[(int)StyleFeature.Greeting]);
        Assert.Equal(1, levels[(int)StyleFeature.Closing]);
        Assert.Equal(1, levels[(int)StyleFeature.Questions]);
        Assert.Equal(1, levels[(int)StyleFeature.Exclamations]);
        Assert.Equal(0, levels[(int)StyleFeature.Bullets]);
        Assert.Equal(16, levels[(int)StyleFeature.Length]);
        Assert.True(levels[(int)StyleFeature.SecondPerson] > 0);
    }

    [Fact]
    public void Measure_PlainProse_HasNoGreetingClosingOrLists()
    {
        float[] levels = StyleFeatures.Measure("The committee met on Monday. It approved the budget for next year.");

        Assert.Equal(0, levels[(int)StyleFeature.Greeting]);
        Assert.Equal(0, levels[(int)StyleFeature.Closing]);
        Assert.Equal(0, levels[(int)StyleFeature.Bullets]);
        Assert.Equal(0, levels[(int)StyleFeature.Emoji]);
        Assert.Equal(6, levels[(int)StyleFeature.SentenceLength]);
    }

    [Fact]
    public void Measure_BulletsHeadingsEmojiAndCode_AreCounted()
    {
        const string text = "# Plan\n- buy milk 🥛\n- call mum 📞\n```\nvar x = 1;\n```";

        float[] levels = StyleFeatures.Measure(text);

        Assert.Equal(1, levels[(int)StyleFeature.Headings]);
        Assert.Equal(2, levels[(int)StyleFeature.Emoji]);
        Assert.Equal(1, levels[(int)StyleFeature.CodeBlocks]);
        Assert.Equal(2f / 6f, levels[(int)StyleFeature.Bullets], 3);
    }

    [Fact]
    public void Measure_CasualAgainstFormal_FormalityOrders()
    {
        float casual = StyleFeatures.Measure("Hey, it's cool, gonna grab stuff later, ok?")[(int)StyleFeature.Formality];
        float formal = StyleFeatures.Measure("Furthermore, we kindly request that you ensure the appropriate documentation is provided.")[(int)StyleFeature.Formality];

        Assert.True(casual < 0, $"casual {casual}");
        Assert.True(formal > 0, $"formal {formal}");
    }

    [Theory]
    [InlineData(StyleFeature.Length, 100f, 50f, true)]
    [InlineData(StyleFeature.Length, 100f, 90f, false)]
    [InlineData(StyleFeature.Emoji, 0f, 1f, true)]
    [InlineData(StyleFeature.Bullets, 0f, 0.2f, false)]
    [InlineData(StyleFeature.Greeting, 1f, 0f, true)]
    public void IsChange_ThresholdPerFeature(StyleFeature feature, float before, float after, bool expected)
        => Assert.Equal(expected, StyleFeatures.IsChange(feature, StyleFeatures.Change(feature, before, after)));

    [Theory]
    [InlineData(StyleFeature.Bullets, 1f, "Prefers bullet points")]
    [InlineData(StyleFeature.Emoji, 0f, "Prefers no emoji")]
    [InlineData(StyleFeature.Length, 41.6f, "Prefers about 42 words")]
    [InlineData(StyleFeature.Formality, -1f, "Prefers a casual tone")]
    public void Describe_Level_ReadsAsSentence(StyleFeature feature, float level, string expected)
        => Assert.Equal(expected, StyleFeatures.Describe(feature, level));
}
