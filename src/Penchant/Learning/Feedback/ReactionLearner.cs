using System.Diagnostics.Metrics;
using Penchant.Diagnostics;
using Penchant.Learning.Statements;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>
/// Learns from reactions: satisfaction raises and dissatisfaction lowers the acceptance of the preferences applied to the
/// answer (selection weighs it), and a correction that states a wish ("shorter, and no emojis") becomes a preference
/// scoped to the kind of request it reacted to. A reaction that states a standing wish the way a conversation turn would
/// ("invoices to suppliers should list the order number", "only quiet cafés whenever I'm working from town"), whatever its label, yields
/// that wish instead, with the scope it names or, when it names none, the request's.
/// </summary>
internal sealed class ReactionLearner(IPreferenceExtractor extractor, PreferenceIntake intake) : ILearner
{
    private static readonly Counter<long> ReactionCounter = PenchantTelemetry.Meter.CreateCounter<long>(
        "penchant.reactions", unit: "{reaction}", description: "Reactions recorded, by label.");

    public bool Reads(EventKind kind) => kind == EventKind.Reaction;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        // An imported entry with a malformed payload carries no reaction; it stays in the log untouched.
        if (SignalPayload.Read(entry.Data, ReactionJsonContext.Default.ReactionData) is not { } data)
        {
            return;
        }

        if (!context.IsReplay && ReactionCounter.Enabled)
        {
            ReactionCounter.Add(1, new KeyValuePair<string, object?>("penchant.reaction.label", data.Label));
        }

        IReadOnlyList<ExtractedPreference> stated = string.IsNullOrWhiteSpace(entry.Text) ? [] : await extractor.FromTurnAsync(entry.Text, cancellationToken).ConfigureAwait(false);
        if (data.Parsed == ReactionLabel.Neutral)
        {
            await TakeStatedAsync(context, entry, stated, data.Request, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (string id in data.Applied)
        {
            if (context.Preferences.Find(id) is not { IsCurrent: true } p)
            {
                continue;
            }

            context.Preferences.Update(data.Parsed == ReactionLabel.Satisfied ? p with { Accepted = p.Accepted + 1 } : p with { Rejected = p.Rejected + 1 });
        }

        if (stated.Count > 0 || data.Parsed != ReactionLabel.Dissatisfied || string.IsNullOrWhiteSpace(data.Wish))
        {
            await TakeStatedAsync(context, entry, stated, data.Request, cancellationToken).ConfigureAwait(false);
            return;
        }

        string wish = data.Wish.Trim().TrimEnd('.', '!');

        // The kind of request goes in the scope, not the text: a shared "(for requests like: …)" made every correction
        // overlap every other, so one phrased as a change ("… instead") superseded an unrelated one.
        ExtractedPreference correction = StatementAnalyzer.Analyze(wish, data.Request, confidence: Math.Clamp(data.Confidence, 0.5, 0.9));
        await intake.TakeAsync(context.Preferences, correction, entry, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the standing wishes a reaction states; one that names no scope of its own is scoped to the request it reacted to.</summary>
    private async Task TakeStatedAsync(LearningContext context, PreferenceEvent entry, IReadOnlyList<ExtractedPreference> stated, string? request, CancellationToken cancellationToken)
    {
        for (int k = 0; k < stated.Count; k++)
        {
            ExtractedPreference x = stated[k];
            if (!x.Scope.IsScoped && !string.IsNullOrWhiteSpace(request))
            {
                x = StatementAnalyzer.Analyze(x.Text, request, x.Confidence);
            }

            await intake.TakeAsync(context.Preferences, x, entry, k, cancellationToken).ConfigureAwait(false);
        }
    }
}
