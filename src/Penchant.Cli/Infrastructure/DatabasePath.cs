namespace Penchant.Cli.Infrastructure;

/// <summary>Checks a <c>--db</c> path before the store opens it, so a wrong path is a clear user error (exit 1).</summary>
internal static class DatabasePath
{
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>
    /// Gets the database used when <c>--db</c> is not given: <c>penchant/penchant.db</c> under the user's local application
    /// data folder, the same file the service uses when none is configured (<c>ServerHost.DefaultDatabasePath</c>).
    /// </summary>
    public static string Default { get; } = Path.Combine(LocalDataRoot(), "penchant", "penchant.db");

    /// <summary>
    /// Resolves and checks a database path: not a directory, readable, and either new, empty or an SQLite file. A new file's
    /// folder must exist, unless it is the default one (created on first use): a <c>--db</c> with a mistyped folder is an
    /// error, not a new empty store somewhere else.
    /// </summary>
    /// <param name="path">The path the user gave.</param>
    /// <param name="createFolder">Whether a missing folder is created (the default database) rather than refused.</param>
    /// <returns>The full path; its folder exists.</returns>
    /// <exception cref="CliInputException">The path cannot be used.</exception>
    public static string Validate(string path, bool createFolder = false)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliInputException("--db needs a file path.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliInputException($"--db '{path}' is not a valid path: {exception.Message}", exception);
        }

        if (Directory.Exists(fullPath))
        {
            throw new CliInputException($"--db '{path}' is a directory; give the path of a database file.");
        }

        if (File.Exists(fullPath))
        {
            CheckHeader(path, fullPath);
            return fullPath;
        }

        string? directory = Path.GetDirectoryName(fullPath);
        if (!createFolder && !string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            throw new CliInputException($"--db '{path}': the folder '{directory}' does not exist; create it first, or check the path.");
        }

        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--db '{path}': cannot create its folder: {exception.Message}", exception);
        }

        return fullPath;
    }

    private static string LocalDataRoot()
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(root) ? AppContext.BaseDirectory : root;
    }

    private static void CheckHeader(string path, string fullPath)
    {
        Span<byte> header = stackalloc byte[16];
        int read;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--db '{path}' cannot be read: {exception.Message}", exception);
        }

        // An empty file is a database SQLite has not written yet.
        if (read != 0 && (read < header.Length || !header.SequenceEqual(SqliteHeader)))
        {
            throw new CliInputException($"--db '{path}' is not a Penchant database (not an SQLite file).");
        }
    }
}
