namespace Penchant.Cli.Infrastructure;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The input was wrong: bad arguments, an unknown preference, a malformed file, an unusable database path.</summary>
    public const int UserError = 1;

    /// <summary>The command failed for another reason (the engine, the store, the machine).</summary>
    public const int Failure = 2;
}
