using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class SelectCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Select_ApplicablePreference_PrintsProbabilityReasonsSourcesAndPromptBlock()
    {
        // Arrange
        string db = cli.NewDatabase();
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "remember", "I'm vegetarian, no meat or fish please."])).ExitCode);
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "remember", "I live in Lyon."])).ExitCode);

        // Act
        CliResult human = await cli.RunAsync(["--db", db, "select", "Suggest a recipe for dinner tonight", "--attr", "domain=cooking"]);
        CliResult json = await cli.RunAsync(["--db", db, "--json", "select", "Suggest a recipe for dinner tonight"]);

        // Assert
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Matches(@"^1\. \d\.\d{3}  pf_\S+  I'm vegetarian", human.Lines[0]);
        Assert.Contains(human.Lines, line => line.StartsWith("reasons:", StringComparison.Ordinal));
        Assert.Contains(human.Lines, line => line.StartsWith("sources: ev_", StringComparison.Ordinal));
        Assert.Contains("prompt block:", human.Lines);

        using JsonDocument document = JsonDocument.Parse(json.Output);
        JsonElement first = document.RootElement.GetProperty("preferences")[0];
        Assert.InRange(first.GetProperty("probability").GetDouble(), 0.0, 1.0);
        Assert.Contains("vegetarian", first.GetProperty("preference").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(first.GetProperty("sources").EnumerateArray());
        Assert.Contains("vegetarian", document.RootElement.GetProperty("promptBlock").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_UnknownUser_SaysNothingApplies()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "--user", "nobody", "select", "Plan a trip to Rome"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("nothing applies", result.Output.Trim());
    }

    [Fact]
    public async Task Select_MalformedAttribute_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "select", "Plan a trip", "--attr", "no-equals-sign"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("KEY=VALUE", result.Error, StringComparison.Ordinal);
    }
}
