namespace Penchant.Evaluation.Evaluators;

// Fixtures written for these tests, no evaluation item.
public sealed class PrefEvalMcqTests
{
    private static readonly McqItem Item = new("hobbies", 0, "I avoid glossy paint.", "Which paint should I buy?", ["Matte paint.", "Gloss paint."]);

    [Fact]
    public void Write_FillerPreferences_AreCountedAndListedWhenVerbose()
    {
        McqResult[] results =
        [
            new(Item, 0, 0, Item.Options) { Own = ["I avoid glossy paint."], Filler = ["Always show the totals."] },
            new(Item, 0, 1, Item.Options) { Filler = ["Always show the totals."] },
        ];
        using var output = new StringWriter();

        PrefEvalMcq.Write(output, results, turns: 3, verbose: true);

        string text = output.ToString();
        Assert.Contains("filler preference (2 items): Always show the totals.", text, StringComparison.Ordinal);
        Assert.Contains("filler: 1 distinct preferences from the filler turns, 1.00 per item; own preference extracted in 0.500 of items", text, StringComparison.Ordinal);
        Assert.Contains("own preferences: none extracted", text, StringComparison.Ordinal);
        Assert.EndsWith("prefeval-mcq: n=2 turns=3 accuracy=0.500" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
