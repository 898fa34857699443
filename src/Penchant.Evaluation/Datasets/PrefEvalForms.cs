using System.Text.Json;
using Penchant.Signals;

namespace Penchant.Evaluation.Datasets;

/// <summary>Reads PrefEval's three forms: explicit, implicit choice-based and implicit persona-driven.</summary>
public static class PrefEvalForms
{
    /// <summary>The forms <c>--form</c> accepts: explicit, implicit choice-based and implicit persona-driven.</summary>
    public static readonly string[] Names = ["explicit", "choice", "persona"];

    /// <summary>Reads the conversations of some topics in one form.</summary>
    /// <exception cref="EvaluationInputException">A file is missing or malformed.</exception>
    public static async Task<IReadOnlyList<PrefEvalConversation>> ReadAsync(
        string directory, string form, IReadOnlyList<string> topics, int? limitPerTopic, CancellationToken cancellationToken)
    {
        if (form == "explicit")
        {
            IReadOnlyList<PrefEvalItem> items = await PrefEvalData.ReadItemsAsync(directory, topics, limitPerTopic, cancellationToken);
            return [.. items.Select(static i => new PrefEvalConversation(
                i,
                [new ConversationTurn(ConversationTurn.UserRole, i.Preference), new ConversationTurn(ConversationTurn.AssistantRole, PrefEvalData.Acknowledgement)],
                i.Preference))];
        }

        string folder = Path.Combine(directory, "implicit_preference", form == "choice" ? "choice-based" : "persona-driven");
        var result = new List<PrefEvalConversation>();
        foreach (string topic in topics)
        {
            string file = Path.Combine(folder, topic + ".json");
            await using FileStream stream = DataFiles.OpenRead(file);
            using JsonDocument document = await ParseAsync(stream, file, cancellationToken);
            int index = 0;
            foreach (JsonElement line in document.RootElement.EnumerateArray())
            {
                if (limitPerTopic is { } limit && index >= limit)
                {
                    break;
                }

                string preference = Text(line, "preference", file, index);
                var item = new PrefEvalItem(topic, index, preference, Text(line, "question", file, index));
                JsonElement conversation = line.TryGetProperty("conversation", out JsonElement c) ? c
                    : throw new EvaluationInputException($"{file}: item {index} has no \"conversation\".");
                result.Add(form == "choice" ? Choice(item, conversation, file) : Persona(item, conversation, file));
                index++;
            }
        }

        return result;
    }

    private static PrefEvalConversation Choice(PrefEvalItem item, JsonElement conversation, string file)
    {
        string selection = Text(conversation, "user_selection", file, item.Index);
        return new PrefEvalConversation(
            item,
            [
                new ConversationTurn(ConversationTurn.UserRole, Text(conversation, "query", file, item.Index)),
                new ConversationTurn(ConversationTurn.AssistantRole, Text(conversation, "assistant_options", file, item.Index)),
                new ConversationTurn(ConversationTurn.UserRole, selection),
                new ConversationTurn(ConversationTurn.AssistantRole, Text(conversation, "assistant_acknowledgment", file, item.Index)),
            ],
            selection);
    }

    private static PrefEvalConversation Persona(PrefEvalItem item, JsonElement conversation, string file)
    {
        var turns = new List<ConversationTurn>();
        string? revealing = null;
        double best = -1;
        HashSet<string> preferenceStems = Penchant.Language.TextTools.ContentStems(item.Preference);
        foreach (JsonProperty exchange in conversation.EnumerateObject().OrderBy(static p => int.TryParse(p.Name, out int n) ? n : int.MaxValue))
        {
            string user = Text(exchange.Value, "user", file, item.Index);
            turns.Add(new ConversationTurn(ConversationTurn.UserRole, user));
            turns.Add(new ConversationTurn(ConversationTurn.AssistantRole, Text(exchange.Value, "assistant", file, item.Index)));

            // The turn that mentions the preference in passing: the one sharing most of its content words (ground truth for scoring only).
            double coverage = Penchant.Language.TextTools.Coverage(preferenceStems, Penchant.Language.TextTools.ContentStems(user));
            if (coverage > best)
            {
                best = coverage;
                revealing = user;
            }
        }

        return new PrefEvalConversation(item, turns, revealing ?? throw new EvaluationInputException($"{file}: item {item.Index} has an empty conversation."));
    }

    private static string Text(JsonElement element, string name, string file, int index) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new EvaluationInputException($"{file}: item {index} needs \"{name}\".");

    private static async Task<JsonDocument> ParseAsync(Stream stream, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new EvaluationInputException($"{file}: {DataFiles.Reason(exception)}", exception);
        }
    }
}
