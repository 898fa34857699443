using Penchant.Storage;

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
    public async Task Remember_DbInAFolderThatDoesNotExist_ExitsOneAndCreatesNothing()
    {
        string folder = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N"));
        string db = Path.Combine(folder, "nested", "penchant.db");

        CliResult result = await cli.RunAsync(["--db", db, "--user", "alice", "remember", "I prefer tea."]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Validate_DefaultDatabaseInAMissingFolder_CreatesTheFolder()
    {
        string db = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N"), "penchant.db");

        Assert.Equal(db, DatabasePath.Validate(db, createFolder: true));
        Assert.True(Directory.Exists(Path.GetDirectoryName(db)));
    }

    [Fact]
    public async Task Remember_InvalidUtf8Argument_ExitsOneAndWritesNothing()
    {
        string db = cli.NewDatabase();

        // What the runtime makes of an argument holding bytes that are not UTF-8.
        CliResult result = await cli.RunAsync(["--db", db, "--user", "alice", "remember", "caf\uFFFD au lait"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("argument 6 is not valid UTF-8", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Observe_InvalidUtf8File_ExitsOneAndWritesNothing()
    {
        string db = cli.NewDatabase();
        string file = Path.Combine(cli.TempDirectory, Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllBytesAsync(file, [.. "{\"role\":\"user\",\"content\":\"I like caf"u8, 0xC3, 0x28, .. "\"}\n"u8], TestContext.Current.CancellationToken);

        CliResult result = await cli.RunAsync(["--db", db, "--user", "alice", "observe", file]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("not valid UTF-8", result.Error, StringComparison.Ordinal);
        CliResult listed = await cli.RunAsync(["--db", db, "--user", "alice", "list"]);
        Assert.Equal("no preferences", listed.Output.Trim());
    }

    [Fact]
    public async Task List_StoreWrittenByAnotherEmbeddingModel_ExitsOneNamingBoth()
    {
        string db = cli.NewDatabase();
        Assert.Equal(0, (await cli.RunAsync(["--db", db, "--user", "alice", "remember", "I prefer tea."])).ExitCode);
        await using (var store = new Sqlite.SqlitePreferenceStore(new Sqlite.SqliteStoreOptions { Path = db }))
        {
            StoredModel? recorded = await store.GetModelAsync(StoreEmbeddings.ReservedTenant, StoreEmbeddings.RecordName, TestContext.Current.CancellationToken);
            Assert.NotNull(recorded);
            Assert.StartsWith("penchant-minilm/all-MiniLM-L6-v2", System.Text.Encoding.UTF8.GetString(recorded.Payload.Span), StringComparison.Ordinal);
            await store.SaveModelAsync(StoreEmbeddings.ReservedTenant, StoreEmbeddings.RecordName, "other-provider/other-model/768"u8.ToArray(), recorded.Version, TestContext.Current.CancellationToken);
        }

        CliResult result = await cli.RunAsync(["--db", db, "--user", "alice", "list"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("other-provider/other-model/768", result.Error, StringComparison.Ordinal);
        Assert.Contains("penchant-minilm/all-MiniLM-L6-v2", result.Error, StringComparison.Ordinal);
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
