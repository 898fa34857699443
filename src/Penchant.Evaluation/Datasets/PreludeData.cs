using System.Text.Json;

namespace Penchant.Evaluation.Datasets;

/// <summary>
/// Reads PRELUDE's latent preferences (<c>latent_preferences.json</c>): for each task (summarization, email writing), the
/// hidden preference of the simulated user for each document source, as the upstream descriptor list
/// ("bullet points, parallel structure, brief").
/// </summary>
public static class PreludeData
{
    /// <summary>The data folder used when <c>--data</c> is not given, relative to the current directory.</summary>
    public static readonly string DefaultDirectory = Path.Combine("..", "shared", "data", "prelude");

    /// <summary>The tasks, as the command line names them.</summary>
    public static readonly string[] Tasks = ["summarization", "email"];

    private const string FileName = "latent_preferences.json";

    /// <summary>Finds the PRELUDE folder: the path itself, or its <c>prelude</c> subfolder (a data root).</summary>
    /// <param name="given">The <c>--data</c> value, or <see langword="null"/> for the default.</param>
    /// <returns>The folder holding <c>latent_preferences.json</c>.</returns>
    /// <exception cref="EvaluationInputException">No such folder.</exception>
    public static string ResolveDirectory(string? given)
    {
        string path = Path.GetFullPath(given ?? DefaultDirectory);
        if (File.Exists(Path.Combine(path, FileName)))
        {
            return path;
        }

        string nested = Path.Combine(path, "prelude");
        return File.Exists(Path.Combine(nested, FileName))
            ? nested
            : throw new EvaluationInputException($"--data '{given ?? DefaultDirectory}' holds no PRELUDE data (expected {FileName} in it or in its prelude/ folder).");
    }

    /// <summary>Reads the hidden preference of each document source of a task.</summary>
    /// <param name="directory">The PRELUDE folder.</param>
    /// <param name="task"><c>summarization</c> or <c>email</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>(source, descriptors) in file order.</returns>
    /// <exception cref="EvaluationInputException">The file is malformed or lacks the task.</exception>
    public static async Task<IReadOnlyList<(string Source, IReadOnlyList<string> Descriptors)>> ReadAsync(string directory, string task, CancellationToken cancellationToken)
    {
        string file = Path.Combine(directory, FileName);
        string key = task == "email" ? "email_writing" : task;
        try
        {
            await using FileStream stream = DataFiles.OpenRead(file);
            using JsonDocument document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty(key, out JsonElement sources) || sources.ValueKind != JsonValueKind.Object)
            {
                throw new EvaluationInputException($"{file}: no \"{key}\" object.");
            }

            var result = new List<(string, IReadOnlyList<string>)>();
            foreach (JsonProperty source in sources.EnumerateObject())
            {
                string text = source.Value.GetString() ?? string.Empty;
                result.Add((source.Name, [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static d => d.ToLowerInvariant())]));
            }

            return result.Count > 0 ? result : throw new EvaluationInputException($"{file}: \"{key}\" has no sources.");
        }
        catch (JsonException exception)
        {
            throw new EvaluationInputException($"{file}: {DataFiles.Reason(exception)}", exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new EvaluationInputException($"{file}: a preference is not a string ({exception.Message}).", exception);
        }
    }
}
