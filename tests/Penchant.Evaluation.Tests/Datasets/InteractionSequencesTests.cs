using Penchant.Evaluation.Evaluators;

namespace Penchant.Evaluation.Datasets;

public sealed class InteractionSequencesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_UserItemLines_GroupsUsersInOrderAndNumbersItems()
    {
        // Arrange
        using var text = new StringReader("u1 a\nu2 b\nu1 b\n\nu1 c\nu2 a\n");

        // Act
        InteractionSequences data = await InteractionSequences.ReadAsync(text, "fixture.txt", Ct);

        // Assert: items numbered by first appearance (a 0, b 1, c 2).
        Assert.Equal(3, data.ItemCount);
        Assert.Equal(5, data.Actions);
        Assert.Equal([[0, 1, 2], [1, 0]], data.Sequences);
    }

    [Fact]
    public async Task ReadAsync_MalformedLine_NamesFileAndLine()
    {
        using var text = new StringReader("u1 a\nu1 b extra\n");

        EvaluationInputException error = await Assert.ThrowsAsync<EvaluationInputException>(() => InteractionSequences.ReadAsync(text, "fixture.txt", Ct));

        Assert.Contains("fixture.txt, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Empty_Throws()
    {
        using var text = new StringReader("\n\n");

        await Assert.ThrowsAsync<EvaluationInputException>(() => InteractionSequences.ReadAsync(text, "fixture.txt", Ct));
    }

    [Fact]
    public void ResolveFile_MissingFolder_ThrowsNamingIt()
    {
        EvaluationInputException error = Assert.Throws<EvaluationInputException>(() => InteractionSequences.ResolveFile("/nonexistent/seqrec"));

        Assert.Contains("/nonexistent/seqrec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextItemSplit_HoldsOutFromTheEnd_AndSkipsShortUsers()
    {
        // Arrange: u1 has 4 choices, u2 only 2; six items so that negatives can be drawn.
        using var text = new StringReader("u1 a\nu1 b\nu1 c\nu1 d\nu2 e\nu2 f\nu3 a\nu3 b\nu3 e\n");
        InteractionSequences data = await InteractionSequences.ReadAsync(text, "fixture.txt", Ct);

        // Act
        NextItemSplit validation = NextItemSplit.Create(data, heldOutFromEnd: 2, negatives: 2, seed: 1);
        NextItemSplit test = NextItemSplit.Create(data, heldOutFromEnd: 1, negatives: 2, seed: 1);

        // Assert
        Assert.Equal([[0, 1], [0]], validation.Histories);
        Assert.Equal([2, 1], validation.Targets);
        Assert.Equal([[0, 1, 2], [0, 1]], test.Histories);
        Assert.Equal([3, 4], test.Targets);
        Assert.All(test.Negatives[0], n => Assert.DoesNotContain(n, (int[])[0, 1, 2, 3]));
    }
}
