using System.CommandLine;
using Penchant.Domain;
using Penchant.Embeddings;

namespace Penchant.Cli.Infrastructure;

/// <summary>The options every command accepts: the database, who the command is about, and the output format.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The user a command works on when <c>--user</c> is not given.</summary>
    public const string DefaultUser = "me";

    /// <summary>Gets the SQLite database option; absent means the per-user default file (or a temporary store for <c>eval</c>).</summary>
    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"The SQLite database file [default: {DatabasePath.Default}; eval: a temporary file]",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>Gets the PostgreSQL option: a connection string that replaces the SQLite file (the database the service's instances share).</summary>
    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "Use this PostgreSQL database instead of the SQLite file (an Npgsql connection string; the password may come from PGPASSWORD or ~/.pgpass instead)",
        HelpName = "CONNSTR",
        Recursive = true,
    };

    /// <summary>Gets the tenant option.</summary>
    public Option<string> Tenant { get; } = new("--tenant")
    {
        Description = "The tenant (application) the user belongs to",
        DefaultValueFactory = static _ => UserKey.DefaultTenant,
        Recursive = true,
    };

    /// <summary>Gets the user option.</summary>
    public Option<string> User { get; } = new("--user")
    {
        Description = "The user whose preferences the command reads or changes",
        DefaultValueFactory = static _ => DefaultUser,
        Recursive = true,
    };

    /// <summary>Gets the option that switches output to JSON.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write results as JSON instead of text",
        Recursive = true,
    };

    /// <summary>Gets the option that chooses the embedding model's precision.</summary>
    public Option<MiniLmPrecision> Precision { get; } = new("--precision")
    {
        Description = "The embedding model's weights: Float32 (the model as published) or Int8 (about a third of the CPU) [default: the precision the store records; Int8, as the service, for a new store; Float32 for eval]",
        DefaultValueFactory = static _ => MiniLmPrecision.Float32,
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(Command root)
    {
        root.Options.Add(Database);
        root.Options.Add(Postgres);
        root.Options.Add(Tenant);
        root.Options.Add(User);
        root.Options.Add(Json);
        root.Options.Add(Precision);
    }
}
