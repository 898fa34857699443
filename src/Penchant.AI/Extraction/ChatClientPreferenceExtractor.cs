using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Penchant.AI.Diagnostics;
using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Learning.Statements;
using Penchant.Signals;

namespace Penchant.AI.Extraction;

/// <summary>
/// Extracts preferences from user turns and classifies reactions with a language model, asking for JSON output; whenever the
/// model fails or answers invalid JSON, the rule-and-embedding default answers instead.
/// </summary>
/// <remarks>
/// Thread-safe if the chat client is. Give it a plain client (not one wrapped with <c>UsePreferences</c>). Turns are sent to
/// the model: choose an endpoint you may send user content to. Statements the user explicitly asked to remember do not need
/// a model and go to the fallback.
/// </remarks>
public sealed class ChatClientPreferenceExtractor : IPreferenceExtractor, IReactionClassifier
{
    private const string ExtractInstructions =
        """
        You extract lasting user preferences from one message a user sent to an assistant.
        A preference is something the user wants, avoids, or a fact about them that should shape future answers
        ("I'm vegetarian", "no emojis in emails to my boss", "I'd rather take trains"). Ordinary requests, questions,
        one-off task details, code and chit-chat are not preferences.
        Answer with JSON only: {"preferences": [{"text": "...", "kind": "preference|rule|fact", "polarity": "positive|negative|neutral", "strength": 0.0-1.0, "scope": null or "where it applies"}]}.
        "text" restates the preference in the user's voice, self-contained. Use an empty list when there is none.
        """;

    private const string ReactInstructions =
        """
        You judge how a user took an assistant's answer, from the user's next message.
        "satisfied": thanks, praise, acceptance. "dissatisfied": a correction, "that's wrong", a request for a different form
        ("shorter please"), the request repeated or rephrased, a complaint, sarcasm. "neutral": a follow-up or new topic without judging.
        Answer with JSON only: {"label": "satisfied|dissatisfied|neutral", "reason": "a few words", "wish": null or "what the user wants instead, in their words"}.
        """;

    private readonly IChatClient _chatClient;
    private readonly IPreferenceExtractor _fallbackExtractor;
    private readonly IReactionClassifier _fallbackClassifier;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="ChatClientPreferenceExtractor"/> class.</summary>
    /// <param name="chatClient">The model to ask.</param>
    /// <param name="fallbackExtractor">Answers when the model fails (usually <see cref="RuleBasedExtractor"/>).</param>
    /// <param name="fallbackClassifier">Answers when the model fails (usually <see cref="RuleBasedReactionClassifier"/>).</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public ChatClientPreferenceExtractor(
        IChatClient chatClient, IPreferenceExtractor fallbackExtractor, IReactionClassifier fallbackClassifier, ILogger<ChatClientPreferenceExtractor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(fallbackExtractor);
        ArgumentNullException.ThrowIfNull(fallbackClassifier);
        _chatClient = chatClient;
        _fallbackExtractor = fallbackExtractor;
        _fallbackClassifier = fallbackClassifier;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc/>
    public ValueTask<ExtractedPreference> FromStatementAsync(string text, string? scope, CancellationToken cancellationToken = default) =>
        _fallbackExtractor.FromStatementAsync(text, scope, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ExtractedPreference>> FromTurnAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        try
        {
            using JsonDocument json = await AskAsync(ExtractInstructions, text, cancellationToken);
            return ParsePreferences(json.RootElement);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ModelFallback(_logger, exception);
            return await _fallbackExtractor.FromTurnAsync(text, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ReactionClassification> ClassifyAsync(string? request, string? answer, string turn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(turn);
        try
        {
            string prompt = $"Earlier request: {request ?? "(unknown)"}\nAnswer: {answer ?? "(unknown)"}\nNext message: {turn}";
            using JsonDocument json = await AskAsync(ReactInstructions, prompt, cancellationToken);
            return ParseReaction(json.RootElement);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ModelFallback(_logger, exception);
            return await _fallbackClassifier.ClassifyAsync(request, answer, turn, cancellationToken);
        }
    }

    /// <summary>Reads the model's preferences.</summary>
    /// <exception cref="FormatException">The JSON does not have the expected shape.</exception>
    internal static List<ExtractedPreference> ParsePreferences(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("preferences", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Expected {\"preferences\": [...]}.");
        }

        var result = new List<ExtractedPreference>();
        foreach (JsonElement item in list.EnumerateArray())
        {
            string text = String(item, "text") is { Length: > 0 and <= 1_000 } t ? t.Trim() : throw new FormatException("A preference has no \"text\".");
            string? scope = item.TryGetProperty("scope", out JsonElement s) && s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } sc ? sc.Trim() : null;
            result.Add(new ExtractedPreference
            {
                Text = text,
                Kind = String(item, "kind") switch { "rule" => PreferenceKind.Rule, "fact" => PreferenceKind.Fact, _ => PreferenceKind.Preference },
                Polarity = String(item, "polarity") switch { "negative" => Polarity.Negative, "neutral" => Polarity.Neutral, _ => Polarity.Positive },
                Strength = item.TryGetProperty("strength", out JsonElement st) && st.ValueKind == JsonValueKind.Number ? Math.Clamp(st.GetDouble(), 0, 1) : 0.5,
                Scope = scope is null ? PreferenceScope.Everywhere : new PreferenceScope { Text = scope },
                Confidence = 0.85,
            });
        }

        return result;
    }

    /// <summary>Reads the model's reaction label.</summary>
    /// <exception cref="FormatException">The JSON does not have the expected shape.</exception>
    internal static ReactionClassification ParseReaction(JsonElement root)
    {
        ReactionLabel label = String(root, "label") switch
        {
            "satisfied" => ReactionLabel.Satisfied,
            "dissatisfied" => ReactionLabel.Dissatisfied,
            "neutral" => ReactionLabel.Neutral,
            _ => throw new FormatException("\"label\" must be satisfied, dissatisfied or neutral."),
        };
        string reason = String(root, "reason") is { Length: > 0 } r ? r : "language model";
        string? wish = label == ReactionLabel.Dissatisfied && String(root, "wish") is { Length: > 0 } w ? w : null;
        return new ReactionClassification(label, reason, 0.85, wish);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<JsonDocument> AskAsync(string instructions, string content, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0 };
        ChatResponse response = await _chatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, content)], options, cancellationToken);
        string text = response.Text.Trim();

        // Some models wrap JSON in a code fence despite the response format.
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            int start = text.IndexOf('\n', StringComparison.Ordinal);
            int end = text.LastIndexOf("```", StringComparison.Ordinal);
            text = start > 0 && end > start ? text[(start + 1)..end] : text;
        }

        return JsonDocument.Parse(text);
    }
}
