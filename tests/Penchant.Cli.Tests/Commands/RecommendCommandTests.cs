using System.Text.Json;

namespace Penchant.Cli.Commands;

public sealed class RecommendCommandTests(CliFixture cli)
{
    [Fact]
    public async Task ChooseTrainRecommend_TwoUsersSequences_RecommendsTheItemThatFollows()
    {
        // Arrange: two users choose shampoo then conditioner; a third chose shampoo only.
        string db = cli.NewDatabase();
        foreach (string user in new[] { "ana", "ben" })
        {
            Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", user, "choose", "wash", "shampoo", "soap", "--chosen", "0"])).ExitCode);
            Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", user, "choose", "after washing", "towel", "conditioner", "--chosen", "1"])).ExitCode);
        }

        Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", "cleo", "choose", "wash", "shampoo", "soap", "--chosen", "0"])).ExitCode);

        // Act
        CliResult train = await cli.RunAsync(["--db", db, "recommend", "train"]);
        CliResult recommend = await cli.RunAsync(["--db", db, "--user", "cleo", "--json", "recommend", "--count", "3"]);

        // Assert
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.StartsWith("trained next-item model version 1: users=3", train.Output.Trim(), StringComparison.Ordinal);
        Assert.True(recommend.ExitCode == 0, recommend.ToString());
        using JsonDocument document = JsonDocument.Parse(recommend.Output);
        JsonElement items = document.RootElement.GetProperty("items");
        Assert.Equal("conditioner", items[0].GetProperty("item").GetString());
        Assert.DoesNotContain(items.EnumerateArray(), static i => i.GetProperty("item").GetString() == "shampoo");
    }

    [Fact]
    public async Task Recommend_Untrained_SaysSoAndSucceeds()
    {
        string db = cli.NewDatabase();

        CliResult result = await cli.RunAsync(["--db", db, "recommend"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("no recommendations", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommend", "--count", "0")]
    [InlineData("recommend", "--count", "1001")]
    [InlineData("choose", "wash", "shampoo", "--chosen", "1")]
    public async Task BadInput_IsUserErrorAndWritesNothing(params string[] args)
    {
        string db = cli.NewDatabase();

        CliResult result = await cli.RunAsync(["--db", db, .. args]);
        CliResult history = await cli.RunAsync(["--db", db, "--json", "recommend", "train"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(args[^2], result.Error, StringComparison.Ordinal);
        Assert.Contains("\"choices\":0", history.Output, StringComparison.Ordinal);
    }
}
