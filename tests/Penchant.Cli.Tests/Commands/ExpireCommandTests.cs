using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class ExpireCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Remember_WithMetaAndTtl_ListsByMetadataAndExpireForgetsTheExpired()
    {
        // Arrange: one permanent preference with metadata, one whose week ended long ago.
        string db = cli.NewDatabase();
        CliResult tea = await cli.RunAsync(["--db", db, "--json", "remember", "I prefer tea in the morning.", "--meta", "app=mail", "--meta", "source=settings"]);
        CliResult diet = await cli.RunAsync(["--db", db, "remember", "I'm on a low-salt diet.", "--at", "2020-01-01T00:00:00Z", "--ttl", "P7D", "--meta", "app=health"]);
        Assert.True(tea.ExitCode == 0, tea.ToString());
        Assert.True(diet.ExitCode == 0, diet.ToString());
        using JsonDocument written = JsonDocument.Parse(Assert.Single(tea.Lines));
        JsonElement created = Assert.Single(written.RootElement.GetProperty("created").EnumerateArray().ToArray());
        Assert.Equal("mail", created.GetProperty("metadata").GetProperty("app").GetString());

        // Act + Assert: the expired one is never listed, even before the sweep; the filter keeps only matching metadata.
        CliResult all = await cli.RunAsync(["--db", db, "list"]);
        CliResult health = await cli.RunAsync(["--db", db, "list", "--meta", "app=health"]);
        CliResult mail = await cli.RunAsync(["--db", db, "list", "--meta", "app=mail"]);
        Assert.Contains("tea", Assert.Single(all.Lines), StringComparison.Ordinal);
        Assert.Equal("no preferences", health.Output.Trim());
        Assert.Contains("tea", Assert.Single(mail.Lines), StringComparison.Ordinal);

        CliResult expired = await cli.RunAsync(["--db", db, "--json", "expire"]);
        CliResult again = await cli.RunAsync(["--db", db, "--json", "expire"]);
        CliResult history = await cli.RunAsync(["--db", db, "history"]);
        CliResult export = await cli.RunAsync(["--db", db, "export", "--meta", "app=health"]);

        Assert.True(expired.ExitCode == 0, expired.ToString());
        Assert.Equal(1, JsonDocument.Parse(expired.Output).RootElement.GetProperty("expired").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(again.Output).RootElement.GetProperty("expired").GetInt32());
        Assert.DoesNotContain("salt", history.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("salt", export.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ttl", "soon")]
    [InlineData("--meta", "app")]
    [InlineData("--meta", "my app=mail")]
    public async Task Remember_BadMetaOrTtl_ExitsOneAndWritesNothing(string option, string value)
    {
        string db = cli.NewDatabase();

        CliResult result = await cli.RunAsync(["--db", db, "remember", "I prefer tea.", option, value]);
        CliResult listed = await cli.RunAsync(["--db", db, "list"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Output);
        Assert.Equal("no preferences", listed.Output.Trim());
    }
}
