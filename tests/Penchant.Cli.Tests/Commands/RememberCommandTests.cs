using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class RememberCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Remember_ThenList_ListsThePreference()
    {
        // Arrange
        string db = cli.NewDatabase();

        // Act
        CliResult remembered = await cli.RunAsync(["--db", db, "remember", "I'm vegetarian, so no meat or fish please."]);
        CliResult listed = await cli.RunAsync(["--db", db, "list"]);

        // Assert
        Assert.True(remembered.ExitCode == 0, remembered.ToString());
        Assert.StartsWith("created", remembered.Lines[0], StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        string line = Assert.Single(listed.Lines);
        Assert.StartsWith("pf_", line, StringComparison.Ordinal);
        Assert.Contains("vegetarian", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remember_Json_WritesTheWireContract()
    {
        string db = cli.NewDatabase();

        CliResult result = await cli.RunAsync(["--db", db, "--json", "remember", "I prefer aisle seats on long flights.", "--at", "2026-03-01T09:00:00Z", "--scope", "flights"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        string json = Assert.Single(result.Lines);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement appended = Assert.Single(root.GetProperty("events").EnumerateArray().ToArray());
        Assert.Equal("statement", appended.GetProperty("kind").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), appended.GetProperty("at").GetDateTimeOffset());
        JsonElement created = Assert.Single(root.GetProperty("created").EnumerateArray().ToArray());
        Assert.StartsWith("pf_", created.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("I prefer aisle seats on long flights.", created.GetProperty("text").GetString());
        Assert.Equal(appended.GetProperty("id").GetString(), Assert.Single(created.GetProperty("sources").EnumerateArray().ToArray()).GetString());
        Assert.True(created.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("reinforced").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("superseded").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Remember_EmptyText_ExitsOneAndStoresNothing(string text)
    {
        string db = cli.NewDatabase();

        CliResult result = await cli.RunAsync(["--db", db, "remember", text]);
        CliResult listed = await cli.RunAsync(["--db", db, "list", "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal("[]", listed.Output.Trim());
    }

    [Fact]
    public async Task Remember_UnparsableAt_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "remember", "I like tea.", "--at", "yesterday-ish"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--at", result.Error, StringComparison.Ordinal);
    }
}
