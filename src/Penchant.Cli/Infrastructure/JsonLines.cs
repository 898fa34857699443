using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Penchant.Cli.Infrastructure;

/// <summary>Reads and writes JSON Lines files: one JSON value per line, blank lines ignored.</summary>
internal static class JsonLines
{
    /// <summary>Reads every line, failing on the first malformed one with a message that names it.</summary>
    /// <typeparam name="T">The type of a line.</typeparam>
    /// <param name="reader">The file.</param>
    /// <param name="typeInfo">The source-generated type information.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The values with their 1-based line numbers.</returns>
    /// <exception cref="CliInputException">A line is not valid JSON for <typeparamref name="T"/>, or is <c>null</c>.</exception>
    public static async Task<IReadOnlyList<(int Line, T Value)>> ReadAsync<T>(
        TextReader reader, JsonTypeInfo<T> typeInfo, string source, CancellationToken cancellationToken)
        where T : class
    {
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
                throw new CliInputException($"{source}, line {lineNumber}: {Reason(exception)}", exception);
            }

            values.Add((lineNumber, value ?? throw new CliInputException($"{source}, line {lineNumber}: expected a JSON object, found null.")));
        }

        return values;
    }

    /// <summary>Describes a JSON failure without the serializer's path and position details.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>A short reason.</returns>
    public static string Reason(JsonException exception)
    {
        string message = exception.Message;
        int details = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return "not valid JSON: " + (details > 0 ? message[..details] : message);
    }
}
