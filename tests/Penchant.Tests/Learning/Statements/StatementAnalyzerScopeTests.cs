namespace Penchant.Learning.Statements;

/// <summary>A statement that keeps something out of a situation carries the situation as its scope.</summary>
public sealed class StatementAnalyzerScopeTests
{
    [Theory]
    [InlineData("Keep the jargon out of my reports to the board.", "my reports to the board")]
    [InlineData("Leave smileys out of texts to my landlady.", "texts to my landlady")]
    [InlineData("Please leave the puns out of the toasts I give at weddings", "the toasts I give at weddings")]
    public void Analyze_LeaveOrKeepSomethingOutOfASituation_ScopesIt(string text, string expected)
        => Assert.Equal(expected, StatementAnalyzer.Analyze(text, scope: null, confidence: 1.0).Scope.Text);

    [Fact]
    public void Analyze_NothingKeptOut_HasNoSuchScope()
        => Assert.Null(StatementAnalyzer.Analyze("I like short answers.", scope: null, confidence: 1.0).Scope.Text);
}
