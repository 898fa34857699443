using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Feedback;
using Penchant.Learning.Statements;
using Penchant.Signals;

namespace Penchant.Engine;

/// <summary>Reactions: how the user took an answer moves the acceptance of the preferences applied to it, and a correction's wish becomes a scoped preference.</summary>
public sealed partial class PenchantEngine
{
    private const int MaxScopeLength = 160;

    private static readonly Counter<long> ReactionCounter = PenchantTelemetry.Meter.CreateCounter<long>(
        "penchant.reactions", unit: "{reaction}", description: "Reactions recorded, by label.");

    private readonly IReactionClassifier _reactionClassifier;

    /// <inheritdoc/>
    public async Task<ReactionOutcome> ReactAsync(UserKey user, Reaction reaction, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(reaction);
        ValidateText(reaction.Turn, nameof(reaction));
        if (reaction.Request is not null)
        {
            ValidateText(reaction.Request, nameof(reaction));
        }

        ArgumentNullException.ThrowIfNull(reaction.AppliedPreferenceIds, nameof(reaction));
        using Activity? activity = PenchantTelemetry.ActivitySource.StartActivity("penchant.react");
        ReactionClassification classification = reaction.Classification
            ?? await _reactionClassifier.ClassifyAsync(reaction.Request, reaction.Answer, reaction.Turn, cancellationToken).ConfigureAwait(false);

        var data = new ReactionData
        {
            Label = LabelName(classification.Label),
            Reason = classification.Reason,
            Confidence = classification.Confidence,
            Wish = classification.Label == ReactionLabel.Dissatisfied ? classification.Wish : null,
            Request = reaction.Request is { } request ? ScopeOf(request) : null,
            Applied = [.. reaction.AppliedPreferenceIds.Where(static id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal)],
        };
        var ev = new PreferenceEvent
        {
            Id = NewEventId(),
            Kind = EventKind.Reaction,
            Role = ConversationTurn.UserRole,
            Text = reaction.Turn,
            Data = JsonSerializer.Serialize(data, ReactionJsonContext.Default.ReactionData),
            At = reaction.At ?? _time.GetUtcNow(),
        };
        WriteResult written = await WriteAsync(user, [ev], replaceAll: false, cancellationToken).ConfigureAwait(false);

        if (ReactionCounter.Enabled)
        {
            ReactionCounter.Add(1, new KeyValuePair<string, object?>("penchant.reaction.label", LabelName(classification.Label)));
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("penchant.reaction.label", LabelName(classification.Label));
            activity.SetTag("penchant.reaction.applied", data.Applied.Count);
        }

        LogReaction(_logger, LabelName(classification.Label), data.Applied.Count, written.Created.Count);
        return new ReactionOutcome(classification, written);
    }

    /// <summary>The lowercase name of a label, as stored and tagged.</summary>
    internal static string LabelName(ReactionLabel label) => label switch
    {
        ReactionLabel.Satisfied => "satisfied",
        ReactionLabel.Dissatisfied => "dissatisfied",
        _ => "neutral",
    };

    /// <summary>The kind of request a correction reacted to: its first sentence, shortened.</summary>
    private static string ScopeOf(string request)
    {
        List<string> sentences = TextTools.Sentences(request);
        string first = (sentences.Count > 0 ? sentences[0] : request).Trim();
        return first.Length <= MaxScopeLength ? first : first[..MaxScopeLength].TrimEnd() + "…";
    }

    /// <summary>Applies a reaction event during a write or replay: moves acceptance, and returns the correction's wish as a preference to reconcile.</summary>
    private IReadOnlyList<ExtractedPreference> ApplyReaction(List<Preference> working, PreferenceEvent ev, Outcome outcome)
    {
        if (ev.Data is null)
        {
            return [];
        }

        ReactionData? data;
        try
        {
            data = JsonSerializer.Deserialize(ev.Data, ReactionJsonContext.Default.ReactionData);
        }
        catch (JsonException)
        {
            // An imported event with a malformed payload carries no reaction; it stays in the log untouched.
            return [];
        }

        if (data is null || data.Parsed == ReactionLabel.Neutral)
        {
            return [];
        }

        foreach (string id in data.Applied)
        {
            int index = working.FindIndex(p => p.Id == id);
            if (index < 0 || !working[index].IsCurrent)
            {
                continue;
            }

            Preference p = working[index];
            Replace(
                working,
                data.Parsed == ReactionLabel.Satisfied ? p with { Accepted = p.Accepted + 1 } : p with { Rejected = p.Rejected + 1 },
                outcome);
        }

        if (data.Parsed != ReactionLabel.Dissatisfied || string.IsNullOrWhiteSpace(data.Wish))
        {
            return [];
        }

        string wish = data.Wish.Trim().TrimEnd('.', '!');
        string text = data.Request is { Length: > 0 } scope ? $"{wish} (for requests like: {scope})" : wish;
        return [StatementAnalyzer.Analyze(text, data.Request, confidence: Math.Clamp(data.Confidence, 0.5, 0.9))];
    }

    [LoggerMessage(1100, LogLevel.Debug, "Recorded a {Label} reaction: {Applied} applied preference(s), {Created} preference(s) created.")]
    private static partial void LogReaction(ILogger logger, string label, int applied, int created);
}
