using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class DecideCommandTests(CliFixture cli)
{
    private const string Actions = """
        [
          { "id": "news", "features": { "kind": "news", "length": 3 } },
          { "id": "sports", "features": { "kind": "sports", "length": 1 } },
          { "id": "music", "text": "A playlist of calm piano pieces", "features": { "kind": "music", "tags": ["calm", "piano"] } }
        ]
        """;

    [Fact]
    public async Task DecideThenReward_ActionsFile_ChoosesOneWithItsPropensityAndLogsBoth()
    {
        string db = cli.NewDatabase();
        string actions = cli.WriteFile("actions.json", Actions);

        CliResult decided = await cli.RunAsync(["--db", db, "--user", "ana", "--json", "decide", actions, "--feature", "device=mobile", "--feature", "hour=8", "--policy", "EpsilonGreedy"]);

        Assert.True(decided.ExitCode == 0, decided.ToString());
        using JsonDocument decision = JsonDocument.Parse(decided.Output);
        JsonElement root = decision.RootElement;
        string chosen = root.GetProperty("slate")[0].GetProperty("id").GetString()!;
        Assert.Contains(chosen, new[] { "news", "sports", "music" });
        Assert.Equal("epsilonGreedy", root.GetProperty("policy").GetString());
        Assert.Equal(3, root.GetProperty("ranking").GetArrayLength());
        double total = root.GetProperty("ranking").EnumerateArray().Sum(static a => a.GetProperty("probability").GetDouble());
        Assert.Equal(1.0, total, 6);

        string decisionId = root.GetProperty("decisionId").GetString()!;
        CliResult rewarded = await cli.RunAsync(["--db", db, "--user", "ana", "--json", "reward", decisionId, "1"]);
        CliResult exported = await cli.RunAsync(["--db", db, "--user", "ana", "--json", "export", "--out", Path.Combine(cli.TempDirectory, decisionId + ".jsonl")]);

        Assert.True(rewarded.ExitCode == 0, rewarded.ToString());
        using JsonDocument reward = JsonDocument.Parse(rewarded.Output);
        Assert.Equal(decisionId, reward.RootElement.GetProperty("decisionId").GetString());
        Assert.False(string.IsNullOrEmpty(reward.RootElement.GetProperty("eventId").GetString()));
        Assert.Contains("\"events\":2", exported.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WholeBodyOnStandardInputInApprenticeMode_ReturnsTheDefaultAction()
    {
        string db = cli.NewDatabase();
        string body = $$"""{ "context": { "text": "something to listen to", "features": { "device": "desktop" } }, "actions": {{Actions}}, "apprentice": true }""";

        CliResult result = await cli.RunAsync(["--db", db, "decide", "-", "--default-action", "sports"], input: body);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("1. sports  p=1.000", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains("apprentice: the policy would have chosen", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideDeferredThenActivate_SameIdentifierTwice_ReplaysAndActivates()
    {
        string db = cli.NewDatabase();
        string actions = cli.WriteFile("actions.json", Actions);

        CliResult first = await cli.RunAsync(["--db", db, "--json", "decide", actions, "--decision-id", "page-1", "--defer-activation", "--slate-size", "2"]);
        CliResult again = await cli.RunAsync(["--db", db, "--json", "decide", actions, "--decision-id", "page-1", "--defer-activation", "--slate-size", "2"]);
        CliResult activated = await cli.RunAsync(["--db", db, "activate", "page-1"]);
        CliResult unknown = await cli.RunAsync(["--db", db, "activate", "page-2"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        using JsonDocument one = JsonDocument.Parse(first.Output);
        using JsonDocument two = JsonDocument.Parse(again.Output);
        Assert.True(one.RootElement.GetProperty("deferred").GetBoolean());
        Assert.Equal(2, one.RootElement.GetProperty("slate").GetArrayLength());
        Assert.False(one.RootElement.GetProperty("replayed").GetBoolean());
        Assert.True(two.RootElement.GetProperty("replayed").GetBoolean());
        Assert.Equal(one.RootElement.GetProperty("slate").GetRawText(), two.RootElement.GetProperty("slate").GetRawText());
        Assert.True(activated.ExitCode == 0, activated.ToString());
        Assert.Equal("activated page-1", activated.Output.Trim());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("page-2", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "actions": [ { "id": "a" } ], "colour": "red" }""", "colour")]
    [InlineData("""[ { "id": "a" }, { "text": "no id" } ]""", "\"id\"")]
    [InlineData("""[]""", "no actions")]
    [InlineData("""[ { "id": "a", "features": [1, 2] } ]""", "actions.features")]
    [InlineData("""[ { "id": "a" """, "not a decision's JSON")]
    [InlineData("""[ { "id": "a" }, { "id": "a" } ]""", "a")]
    public async Task Decide_BadActions_IsUserErrorAndLogsNothing(string contents, string message)
    {
        string db = cli.NewDatabase();
        string actions = cli.WriteFile("bad.json", contents);

        CliResult result = await cli.RunAsync(["--db", db, "decide", actions, "--decision-id", "d-1"]);
        CliResult reward = await cli.RunAsync(["--db", db, "reward", "d-1", "1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, reward.ExitCode);
    }

    [Theory]
    [InlineData("'device'", "decide", "--feature", "device")]
    [InlineData("4 was asked", "decide", "--slate-size", "4")]
    [InlineData("'films'", "decide", "--default-action", "films")]
    [InlineData("'much'", "reward", "d-1", "much")]
    [InlineData("no decision 'nothing-decided'", "reward", "nothing-decided", "1")]
    public async Task BadOptions_AreUserErrors(string message, params string[] args)
    {
        string db = cli.NewDatabase();
        string actions = cli.WriteFile("actions.json", Actions);
        string[] command = args[0] == "decide" ? ["decide", actions, .. args[1..]] : args;

        CliResult result = await cli.RunAsync(["--db", db, .. command]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
