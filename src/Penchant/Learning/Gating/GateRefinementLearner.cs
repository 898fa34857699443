using Penchant.Domain;
using Penchant.Selecting;
using Penchant.Signals;

namespace Penchant.Learning.Gating;

/// <summary>
/// Refines the selection gate for a user from the outcomes of its applications: a satisfied or dissatisfied reaction to an
/// answer that applied preferences records, for each of them, the shipped gate's calibrated log-odds for the request it
/// answered and whether the answer was accepted, and refits the user's <see cref="GateRefinement"/>. Selection reads it,
/// so a user's outcomes move that user's probabilities only (and never another tenant's).
/// </summary>
/// <remarks>
/// When the reaction does not carry the request, the outcome is taken at the gate's threshold: the least the gate must have
/// believed to apply the preference. Runs before <see cref="Feedback.ReactionLearner"/>, so the request is measured against
/// the preferences the user held when it was answered, not a correction the reaction adds.
/// </remarks>
internal sealed class GateRefinementLearner(SelectionQuery selection) : ILearner
{
    public bool Reads(EventKind kind) => kind == EventKind.Reaction;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        if (SignalPayload.Read(entry.Data, ReactionJsonContext.Default.ReactionData) is not { } data
            || data.Parsed == ReactionLabel.Neutral || data.Applied.Count == 0)
        {
            return;
        }

        var ids = new HashSet<string>(data.Applied, StringComparer.Ordinal);
        List<Preference> applied = context.Preferences.Current().FindAll(p => ids.Contains(p.Id));
        if (applied.Count == 0)
        {
            return;
        }

        GateModel model = selection.Gate.Fitted;
        var logits = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(data.Request))
        {
            // Only the preferences the reaction concerns are prepared and measured, so the features that compare a preference
            // with the others (lead, rank, crowd) compare it with the others the answer applied, not with all the user holds.
            List<PreparedPreference> prepared = await selection.PrepareAsync(applied, cancellationToken).ConfigureAwait(false);
            RequestView view = await selection.ViewAsync(new RequestContext(data.Request), cancellationToken).ConfigureAwait(false);
            GateFeatures[] features = PreferenceGate.MeasureAll(view, prepared);
            for (int i = 0; i < prepared.Count; i++)
            {
                logits[prepared[i].Preference.Id] = model.Logit(features[i]);
            }
        }

        double atThreshold = Math.Log(model.Threshold / (1 - model.Threshold));
        bool accepted = data.Parsed == ReactionLabel.Satisfied;
        var outcomes = new List<GateOutcome>(data.Applied.Count);
        foreach (string id in data.Applied)
        {
            if (applied.Exists(p => string.Equals(p.Id, id, StringComparison.Ordinal)))
            {
                outcomes.Add(new GateOutcome(id, logits.TryGetValue(id, out double logit) ? logit : atThreshold, accepted));
            }
        }

        // The outcomes are what is stored; selection fits them when it reads them, so nothing is fitted here.
        ReadOnlyMemory<byte>? stored = await context.Models.GetAsync(GateRefinement.ModelName, cancellationToken).ConfigureAwait(false);
        context.Models.Set(GateRefinement.ModelName, GateRefinement.Append(stored is { } bytes ? bytes.Span : default, outcomes));
    }
}
