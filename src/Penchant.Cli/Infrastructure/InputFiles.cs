using Penchant.Evaluation;
using Penchant.Evaluation.Datasets;

namespace Penchant.Cli.Infrastructure;

/// <summary>Opens input files, turning a missing or unreadable file into a user error.</summary>
internal static class InputFiles
{
    /// <summary>The name that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Opens a text file, or standard input for <c>-</c>.</summary>
    /// <param name="path">The path, or <c>-</c>.</param>
    /// <param name="environment">The console whose input <c>-</c> means.</param>
    /// <returns>The reader; disposing it does not close standard input.</returns>
    /// <exception cref="CliInputException">The file does not exist or cannot be read.</exception>
    public static TextReader OpenText(string path, CliEnvironment environment)
    {
        if (path == StandardInput)
        {
            return new NonClosingReader(environment.Input);
        }

        try
        {
            return new StreamReader(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Names a path in messages: the path itself, or "standard input" for <c>-</c>.</summary>
    /// <param name="path">The path, or <c>-</c>.</param>
    /// <returns>The name.</returns>
    public static string DisplayName(string path) => path == StandardInput ? "standard input" : path;

    /// <summary>Reads a JSON Lines file (or standard input for <c>-</c>) whole, naming the line of any malformed entry.</summary>
    /// <typeparam name="T">The type of each line.</typeparam>
    /// <param name="path">The path, or <c>-</c>.</param>
    /// <param name="typeInfo">The source-generated type information of a line.</param>
    /// <param name="environment">The console whose input <c>-</c> means.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Each non-empty line's number and value.</returns>
    /// <exception cref="CliInputException">The file cannot be read or a line is malformed.</exception>
    public static async Task<IReadOnlyList<(int Line, T Value)>> ReadJsonLinesAsync<T>(
        string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CliEnvironment environment, CancellationToken cancellationToken)
        where T : class
    {
        using TextReader reader = OpenText(path, environment);
        try
        {
            return await DataFiles.ReadJsonLinesAsync(reader, typeInfo, DisplayName(path), cancellationToken);
        }
        catch (EvaluationInputException exception)
        {
            throw new CliInputException(exception.Message, exception);
        }
    }

    /// <summary>Opens a file for reading as a stream.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="CliInputException">The file does not exist or cannot be read.</exception>
    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    private sealed class NonClosingReader(TextReader inner) : TextReader
    {
        public override int Peek() => inner.Peek();

        public override int Read() => inner.Read();

        public override string? ReadLine() => inner.ReadLine();

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => inner.ReadLineAsync(cancellationToken);

        public override Task<string?> ReadLineAsync() => inner.ReadLineAsync();

        public override string ReadToEnd() => inner.ReadToEnd();
    }
}
