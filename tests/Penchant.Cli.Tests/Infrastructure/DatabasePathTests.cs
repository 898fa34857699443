namespace Penchant.Cli.Infrastructure;

public sealed class DatabasePathTests(CliFixture cli)
{
    [Fact]
    public async Task List_DbIsNotSqlite_ExitsOneWithAClearMessage()
    {
        string file = cli.WriteFile("notes.db", "these are my notes, not a database\n");

        CliResult result = await cli.RunAsync(["--db", file, "list"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a Penchant database", result.Error, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task List_DbIsADirectory_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.TempDirectory, "list"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_DbInAFolderThatDoesNotExistYet_CreatesItAndSucceeds()
    {
        string db = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N"), "nested", "penchant.db");

        CliResult result = await cli.RunAsync(["--db", db, "list"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("no preferences", result.Output.Trim());
    }

    [Fact]
    public async Task List_InvalidUser_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["--db", cli.NewDatabase(), "--user", " ", "list"]);

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Validate_EmptyFile_IsAccepted()
    {
        string file = cli.WriteFile("empty.db", string.Empty);

        Assert.Equal(Path.GetFullPath(file), DatabasePath.Validate(file));
    }
}
