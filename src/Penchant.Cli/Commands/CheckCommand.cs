using Penchant.Cli.Infrastructure;
using Penchant.PostgreSql;
using Penchant.Sqlite;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant check</c>: runs SQLite's integrity check on the <c>--db</c> database, or checks that the <c>--postgres</c>
/// server answers and its schema is current (exit code 2 when it fails).
/// </summary>
internal sealed class CheckCommand : CliCommand
{
    public CheckCommand(GlobalOptions globals, CliEnvironment environment)
        : base("check", "Check the database's integrity (prints 'ok' or fails with exit code 2)", globals, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.GivenPostgres is { } postgres)
        {
            await using var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = postgres });
            await database.InitializeAsync(cancellationToken);
            await database.CheckAsync(cancellationToken);
            await context.Environment.Output.WriteLineAsync("ok");
            return ExitCodes.Success;
        }

        await using var store = new SqlitePreferenceStore(new SqliteStoreOptions { Path = context.ResolveDatabase() });
        bool ok = await store.CheckIntegrityAsync(cancellationToken);
        await (ok ? context.Environment.Output : context.Environment.Error).WriteLineAsync(ok ? "ok" : "integrity check failed");
        return ok ? ExitCodes.Success : ExitCodes.Failure;
    }
}
