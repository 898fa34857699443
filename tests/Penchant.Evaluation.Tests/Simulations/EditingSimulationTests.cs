using Penchant.Domain;
using Penchant.Evaluation.Metrics;

namespace Penchant.Evaluation.Simulations;

public sealed class EditingSimulationTests
{
    private static readonly List<string> Base = StyleWriter.Sentences(
        "The council approved the new park on Monday after a long debate. It will open next spring near the river. Local schools plan trips there. The budget covers trees, benches and a small playground for young children. Residents asked for more lights along the main path, and the council agreed to add them. A café may follow in the second year if the first season goes well.");

    [Fact]
    public void Levenshtein_KnownPairs()
    {
        Assert.Equal(3, EditDistance.Levenshtein("kitten", "sitting"));
        Assert.Equal(0, EditDistance.Levenshtein("same", "same"));
        Assert.Equal(4, EditDistance.Levenshtein(string.Empty, "four"));
    }

    [Fact]
    public void Correct_BriefBulletsUser_EditsOnlyWhatBreaksThePreference()
    {
        // Arrange
        HiddenStyle user = HiddenStyle.FromDescriptors("wikipedia", ["bullet points", "parallel structure", "brief"]);
        var written = new WriterStyle { Emoji = true };
        (_, int words, int sentences) = StyleWriter.Render(Base, written);

        // Act
        WriterStyle edited = user.Correct(written, words, (double)words / sentences);

        // Assert: bullets and length fixed, the emoji the user does not care about kept; "parallel structure" is not rendered.
        Assert.True(edited.Bullets);
        Assert.Equal(40, edited.Words);
        Assert.True(edited.Emoji);
        Assert.Equal(["parallel structure"], user.Unrendered);
        Assert.Equal(edited, user.Correct(edited, 30, 8));
    }

    [Fact]
    public void FromStyles_LearnedStyles_SteerTheWriterSoTheUserStopsEditing()
    {
        // Arrange
        HiddenStyle user = HiddenStyle.FromDescriptors("ccby", ["structured", "professional greeting and closing"]);
        StylePreference[] learned =
        [
            new(StyleFeature.Bullets, "Prefers bullet points", 1, 0.9, ["ev1"]),
            new(StyleFeature.Greeting, "Prefers opening with a greeting", 1, 0.9, ["ev1"]),
            new(StyleFeature.Closing, "Prefers ending with a closing", 1, 0.9, ["ev1"]),
            new(StyleFeature.Formality, "Prefers a formal tone", 0.8, 0.9, ["ev1"]),
        ];

        // Act
        WriterStyle style = EditingSimulation.FromStyles(EditingSimulation.Baseline("email"), learned);
        (string text, int words, int sentences) = StyleWriter.Render(Base, style);

        // Assert
        Assert.Equal(style, user.Correct(style, words, (double)words / sentences));
        Assert.StartsWith("Dear colleague,", text, StringComparison.Ordinal);
        Assert.Contains("\n- ", text, StringComparison.Ordinal);
        Assert.NotEqual(EditingSimulation.Baseline("email"), user.Correct(EditingSimulation.Baseline("email"), words, (double)words / sentences));
    }
}
