using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class SearchCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Search_QuestionByMeaning_PutsTheRelatedPreferenceFirst()
    {
        // Arrange
        string db = cli.NewDatabase();
        await cli.RunAsync(["--db", db, "remember", "Weekly reports for my team should use tables."]);
        await cli.RunAsync(["--db", db, "remember", "I never eat mushrooms, I can't stand them."]);
        await cli.RunAsync(["--db", db, "remember", "I cycle to the office every morning."]);

        // Act
        CliResult found = await cli.RunAsync(["--db", db, "--json", "search", "what foods do I avoid?", "--limit", "2"]);

        // Assert
        Assert.True(found.ExitCode == 0, found.ToString());
        using JsonDocument matches = JsonDocument.Parse(found.Output);
        Assert.Equal(2, matches.RootElement.GetArrayLength());
        JsonElement top = matches.RootElement[0];
        Assert.Contains("mushrooms", top.GetProperty("preference").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, top.GetProperty("semanticRank").GetInt32());
        Assert.True(top.GetProperty("score").GetDouble() >= matches.RootElement[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Search_Meta_FindsOnlyPreferencesWithThatMetadata()
    {
        string db = cli.NewDatabase();
        await cli.RunAsync(["--db", db, "remember", "I never eat mushrooms, I can't stand them.", "--meta", "app=mail"]);
        await cli.RunAsync(["--db", db, "remember", "I never drink coffee after noon.", "--meta", "app=chat"]);

        CliResult all = await cli.RunAsync(["--db", db, "--json", "search", "what do I avoid?"]);
        CliResult mail = await cli.RunAsync(["--db", db, "--json", "search", "what do I avoid?", "--meta", "app=mail"]);

        Assert.True(mail.ExitCode == 0, mail.ToString());
        using JsonDocument everything = JsonDocument.Parse(all.Output);
        using JsonDocument filtered = JsonDocument.Parse(mail.Output);
        Assert.True(everything.RootElement.GetArrayLength() > 1);
        JsonElement only = Assert.Single(filtered.RootElement.EnumerateArray());
        Assert.Contains("mushrooms", only.GetProperty("preference").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BadLimitOrEmptyQuery_ExitsOne()
    {
        string db = cli.NewDatabase();

        CliResult limit = await cli.RunAsync(["--db", db, "search", "food", "--limit", "0"]);
        CliResult empty = await cli.RunAsync(["--db", db, "search", "  "]);

        Assert.Equal(1, limit.ExitCode);
        Assert.StartsWith("error:", limit.Error, StringComparison.Ordinal);
        Assert.Equal(1, empty.ExitCode);
        Assert.StartsWith("error:", empty.Error, StringComparison.Ordinal);
    }
}
