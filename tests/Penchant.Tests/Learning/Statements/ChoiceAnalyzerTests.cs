namespace Penchant.Learning.Statements;

// Fixtures written for these tests (bike repair options), no evaluation item.
public sealed class ChoiceAnalyzerTests
{
    private const string Options = "A few ways to fix it:\n- Patch the inner tube with a glue kit.\n- Replace the inner tube.\n- Switch to tubeless tyres.";

    [Theory]
    [InlineData("What is the best glue for patching a tube?")]
    [InlineData("which tube is the right one for a 28 inch wheel")]
    public void Analyze_QuestionAboutTheOptions_IsNoChoice(string user)
        => Assert.Null(ChoiceAnalyzer.Analyze(Options, user));

    [Fact]
    public void Analyze_StatementThatPicksOne_IsAChoice()
    {
        ExtractedPreference? chosen = ChoiceAnalyzer.Analyze(Options, "I'll go with replacing the inner tube.");

        Assert.NotNull(chosen);
        Assert.StartsWith("Prefers: Replace the inner tube", chosen.Text, StringComparison.Ordinal);
    }
}
