namespace Penchant.Evaluation.Metrics;

public sealed class ClassificationTests
{
    private const int Digits = 12;
    private static readonly string[] Labels = ["a", "b", "c"];

    [Fact]
    public void Score_FourCases_AccuracyPerClassAndMacroF1ByHand()
    {
        // Arrange: a→a, a→b, b→b, c→b
        (string, string)[] cases = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "b")];

        // Act
        (double accuracy, double macroF1, IReadOnlyList<ClassMetrics> classes) = Classification.Score(cases, Labels, static l => l.ToUpperInvariant());

        // Assert
        Assert.Equal(0.5, accuracy, Digits);
        Assert.Equal(new ClassMetrics("A", Support: 2, Predicted: 1, Correct: 1), classes[0]); // P 1, R 1/2, F1 2/3
        Assert.Equal(new ClassMetrics("B", Support: 1, Predicted: 3, Correct: 1), classes[1]); // P 1/3, R 1, F1 1/2
        Assert.Equal(new ClassMetrics("C", Support: 1, Predicted: 0, Correct: 0), classes[2]); // F1 0
        Assert.Equal((2.0 / 3 + 0.5 + 0) / 3, macroF1, Digits);
    }

    [Fact]
    public void Score_NoCases_AccuracyAndMacroF1AreZero()
    {
        (double accuracy, double macroF1, IReadOnlyList<ClassMetrics> classes) = Classification.Score<string>([], Labels, static l => l);

        Assert.Equal(0, accuracy);
        Assert.Equal(0, macroF1);
        Assert.Equal(3, classes.Count);
        Assert.All(classes, static c => Assert.Equal(0, c.Support));
    }

    [Fact]
    public void Score_AClassNoCaseHas_StillCountsInTheMacroAverage()
    {
        (double accuracy, double macroF1, _) = Classification.Score([("a", "a"), ("b", "b")], Labels, static l => l);

        Assert.Equal(1, accuracy);
        Assert.Equal(2.0 / 3, macroF1, Digits);
    }

    [Fact]
    public void Score_NoLabels_MacroF1IsZero()
    {
        (double accuracy, double macroF1, IReadOnlyList<ClassMetrics> classes) = Classification.Score([("a", "a")], [], static l => l);

        Assert.Equal(1, accuracy);
        Assert.Equal(0, macroF1);
        Assert.Empty(classes);
    }
}
