using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Penchant.Evaluation.Datasets;

/// <summary>Opens evaluation data files and reads JSON Lines, turning a missing, unreadable or malformed file into an <see cref="EvaluationInputException"/>.</summary>
public static class DataFiles
{
    /// <summary>Opens a file for reading as a stream.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="EvaluationInputException">The file does not exist or cannot be read.</exception>
    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new EvaluationInputException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Reads every line of a JSON Lines file (blank lines ignored), failing on the first malformed one with a message that names it.</summary>
    /// <typeparam name="T">The type of a line.</typeparam>
    /// <param name="reader">The file.</param>
    /// <param name="typeInfo">The source-generated type information.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The values with their 1-based line numbers.</returns>
    /// <exception cref="EvaluationInputException">A line is not valid JSON for <typeparamref name="T"/>, or is <c>null</c>.</exception>
    public static async Task<IReadOnlyList<(int Line, T Value)>> ReadJsonLinesAsync<T>(
        TextReader reader, JsonTypeInfo<T> typeInfo, string source, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new List<(int, T)>();
        int lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? value;
            try
            {
                value = JsonSerializer.Deserialize(line, typeInfo);
            }
            catch (JsonException exception)
            {
                throw new EvaluationInputException($"{source}, line {lineNumber}: {Reason(exception)}", exception);
            }

            values.Add((lineNumber, value ?? throw new EvaluationInputException($"{source}, line {lineNumber}: expected a JSON object, found null.")));
        }

        return values;
    }

    /// <summary>Describes a JSON failure without the serializer's path and position details.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>A short reason.</returns>
    public static string Reason(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message;
        int details = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return "not valid JSON: " + (details > 0 ? message[..details] : message);
    }
}
