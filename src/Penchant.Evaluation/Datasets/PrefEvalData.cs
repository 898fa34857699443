using System.Text.Json;
using Penchant.Signals;

namespace Penchant.Evaluation.Datasets;

/// <summary>Reads the PrefEval files: <c>explicit_preference/&lt;topic&gt;.json</c> and <c>filtered_inter_turns.json</c>.</summary>
public static class PrefEvalData
{
    /// <summary>The data folder used when <c>--data</c> is not given, relative to the current directory.</summary>
    public static readonly string DefaultDirectory = Path.Combine("..", "shared", "data", "prefeval");

    /// <summary>The assistant's reply to the preference turn (PrefEval's own acknowledgements vary; a fixed neutral one keeps runs comparable).</summary>
    public const string Acknowledgement = "Got it — I'll keep that in mind.";

    private const string ExplicitFolder = "explicit_preference";
    private const string FillerFile = "filtered_inter_turns.json";

    /// <summary>Finds the PrefEval folder: the path itself, or its <c>prefeval</c> subfolder (a data root).</summary>
    /// <param name="given">The path given, or <see langword="null"/> for the default.</param>
    /// <returns>The folder that holds <c>explicit_preference/</c>.</returns>
    /// <exception cref="EvaluationInputException">Neither holds PrefEval data.</exception>
    public static string ResolveDirectory(string? given)
    {
        string path = Path.GetFullPath(given ?? DefaultDirectory);
        if (Directory.Exists(Path.Combine(path, ExplicitFolder)))
        {
            return path;
        }

        string nested = Path.Combine(path, "prefeval");
        if (Directory.Exists(Path.Combine(nested, ExplicitFolder)))
        {
            return nested;
        }

        throw new EvaluationInputException($"--data '{given ?? DefaultDirectory}' holds no PrefEval data (expected {ExplicitFolder}/ in it or in its prefeval/ folder).");
    }

    /// <summary>Lists the topics: the <c>.json</c> files of <c>explicit_preference/</c>, in ordinal order.</summary>
    /// <param name="directory">The PrefEval folder.</param>
    /// <returns>The topic names.</returns>
    public static IReadOnlyList<string> ListTopics(string directory)
    {
        var topics = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(directory, ExplicitFolder), "*.json"))
        {
            topics.Add(Path.GetFileNameWithoutExtension(file));
        }

        topics.Sort(StringComparer.Ordinal);
        return topics;
    }

    /// <summary>Reads the items of some topics.</summary>
    /// <param name="directory">The PrefEval folder.</param>
    /// <param name="topics">The topics, in order.</param>
    /// <param name="limitPerTopic">At most this many items of each topic, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items, topic by topic in file order.</returns>
    /// <exception cref="EvaluationInputException">A file is missing or malformed.</exception>
    public static async Task<IReadOnlyList<PrefEvalItem>> ReadItemsAsync(
        string directory, IReadOnlyList<string> topics, int? limitPerTopic, CancellationToken cancellationToken)
    {
        var items = new List<PrefEvalItem>();
        foreach (string topic in topics)
        {
            string file = Path.Combine(directory, ExplicitFolder, topic + ".json");
            List<PrefEvalItemLine?> lines = await ReadJsonAsync(file, DatasetJsonContext.Default.ListPrefEvalItemLine, cancellationToken);
            int count = limitPerTopic is { } limit ? Math.Min(limit, lines.Count) : lines.Count;
            for (int i = 0; i < count; i++)
            {
                if (lines[i] is not { Preference: { Length: > 0 } preference, Question: { Length: > 0 } question })
                {
                    throw new EvaluationInputException($"{file}: item {i} needs \"preference\" and \"question\".");
                }

                items.Add(new PrefEvalItem(topic, i, preference, question));
            }
        }

        return items;
    }

    /// <summary>Reads the first user/assistant pairs of the filler conversations, flattened across conversations in order.</summary>
    /// <param name="directory">The PrefEval folder.</param>
    /// <param name="pairs">How many pairs.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><paramref name="pairs"/> × 2 turns, user first in each pair.</returns>
    /// <exception cref="EvaluationInputException">The file is missing or malformed, or holds fewer pairs.</exception>
    public static async Task<IReadOnlyList<ConversationTurn>> ReadFillerAsync(string directory, int pairs, CancellationToken cancellationToken)
    {
        var turns = new List<ConversationTurn>(pairs * 2);
        if (pairs == 0)
        {
            return turns;
        }

        string file = Path.Combine(directory, FillerFile);
        List<FillerConversationLine?> conversations = await ReadJsonAsync(file, DatasetJsonContext.Default.ListFillerConversationLine, cancellationToken);
        foreach (FillerConversationLine? conversation in conversations)
        {
            List<FillerTurnLine?> messages = conversation?.Conversation ?? [];
            for (int i = 0; i + 1 < messages.Count && turns.Count < pairs * 2; i++)
            {
                if (messages[i] is { Content: { Length: > 0 } question } user && IsRole(user, ConversationTurn.UserRole)
                    && messages[i + 1] is { Content: { Length: > 0 } answer } assistant && IsRole(assistant, ConversationTurn.AssistantRole))
                {
                    turns.Add(new ConversationTurn(ConversationTurn.UserRole, question));
                    turns.Add(new ConversationTurn(ConversationTurn.AssistantRole, answer));
                    i++;
                }
            }

            if (turns.Count == pairs * 2)
            {
                return turns;
            }
        }

        throw new EvaluationInputException($"{file} holds only {turns.Count / 2} user/assistant pairs; --turns asked for {pairs}.");
    }

    private static bool IsRole(FillerTurnLine turn, string role) => string.Equals(turn.Role, role, StringComparison.OrdinalIgnoreCase);

    private static async Task<T> ReadJsonAsync<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using FileStream stream = DataFiles.OpenRead(file);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken)
                ?? throw new EvaluationInputException($"{file}: expected a JSON array, found null.");
        }
        catch (JsonException exception)
        {
            throw new EvaluationInputException($"{file}: {DataFiles.Reason(exception)}", exception);
        }
    }
}
