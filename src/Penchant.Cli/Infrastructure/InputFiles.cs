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
            EnsureUtf8(path);
            return new StreamReader(path, StrictUtf8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Rejects a file that is not valid UTF-8 (the default decoder would turn bad bytes into U+FFFD without a word), reading it
    /// once in small chunks so a large import costs no memory.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <exception cref="CliInputException">The file holds bytes that are not UTF-8.</exception>
    public static void EnsureUtf8(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        System.Text.Decoder decoder = StrictUtf8.GetDecoder();
        byte[] buffer = new byte[64 * 1024];
        long offset = 0;
        int read;
        try
        {
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                decoder.GetCharCount(buffer, 0, read, flush: false);
                offset += read;
            }

            decoder.GetCharCount([], 0, 0, flush: true);
        }
        catch (System.Text.DecoderFallbackException exception)
        {
            long at = offset + Math.Max(0, exception.Index);
            throw new CliInputException($"'{path}' is not valid UTF-8 (bad bytes near byte {at}); save it as UTF-8 and try again. Nothing was done.", exception);
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
