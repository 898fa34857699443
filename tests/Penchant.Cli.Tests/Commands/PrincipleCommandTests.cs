using System.Text.RegularExpressions;

namespace Penchant.Cli.Commands;

public sealed partial class PrincipleCommandTests(CliFixture cli)
{
    private static readonly string[] Subjects = ["the boiler", "the gutters", "the fence", "the attic", "the porch", "the chimney", "the drive", "the shed"];

    [Fact]
    public async Task Principle_ConfirmThenCorrect_MarksThenHidesAndRemembersTheCorrection()
    {
        // Arrange: a user who always prefers the brief answer
        string db = cli.NewDatabase();
        await PreferBriefAsync(db, "mia");
        CliResult explained = await cli.RunAsync(["--db", db, "--user", "mia", "explain"]);
        string id = PrincipleId().Match(explained.Output).Groups[1].Value;

        // Act
        CliResult confirmed = await cli.RunAsync(["--db", db, "--user", "mia", "principle", "confirm", id]);
        string afterConfirm = (await cli.RunAsync(["--db", db, "--user", "mia", "explain"])).Output;
        CliResult corrected = await cli.RunAsync(["--db", db, "--user", "mia", "principle", "correct", id, "--text", "Brief answers about house repairs suit me."]);
        string afterCorrect = (await cli.RunAsync(["--db", db, "--user", "mia", "explain"])).Output;

        // Assert
        Assert.True(confirmed.ExitCode == 0, confirmed.ToString());
        Assert.True(corrected.ExitCode == 0, corrected.ToString());
        Assert.Contains($"[{id}]", afterConfirm, StringComparison.Ordinal);
        Assert.Contains("(confirmed)", afterConfirm, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{id}]", afterCorrect, StringComparison.Ordinal);
        Assert.Contains("house repairs", (await cli.RunAsync(["--db", db, "--user", "mia", "list"])).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Principle_UnknownIdOrCorrectionWithoutText_ExitsWithAnErrorAndWritesNothing()
    {
        string db = cli.NewDatabase();
        await PreferBriefAsync(db, "mia");
        string before = (await cli.RunAsync(["--db", db, "--user", "mia", "export"])).Output;

        CliResult unknown = await cli.RunAsync(["--db", db, "--user", "mia", "principle", "delete", "no-such-principle"]);
        CliResult noText = await cli.RunAsync(["--db", db, "--user", "mia", "principle", "correct", "length:-1"]);

        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error:", unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, noText.ExitCode);
        Assert.Equal(before, (await cli.RunAsync(["--db", db, "--user", "mia", "export"])).Output);
    }

    [Fact]
    public async Task Explain_AllUsers_PoolsTheTenantsUsers()
    {
        string db = cli.NewDatabase();
        await PreferBriefAsync(db, "mia");
        await PreferBriefAsync(db, "ola");

        CliResult tenant = await cli.RunAsync(["--db", db, "explain", "--all-users"]);

        Assert.True(tenant.ExitCode == 0, tenant.ToString());
        Assert.StartsWith($"{2 * Subjects.Length} judgements of 2 users", tenant.Output, StringComparison.Ordinal);
        Assert.Contains("2 users hold it on their own", tenant.Output, StringComparison.Ordinal);
    }

    private async Task PreferBriefAsync(string db, string user)
    {
        foreach (string subject in Subjects)
        {
            CliResult result = await cli.RunAsync(["--db", db, "--user", user, "compare", $"What should I do about {subject}?", $"Check {subject} in spring.", $"There is a great deal to say about {subject}, and much depends on the age of the house, the climate, the budget and the advice of whoever looked at it last, so let us go through each in turn."]);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex PrincipleId();
}
