using Penchant.Deciding;

namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="Decision"/>: the context's text (or the decision's identifier) as text, everything else as data.</summary>
/// <remarks>
/// The data is written in <see cref="DecisionBinaryFormat"/>; entries written as JSON before it are still read. A decision
/// the decider made names its action set: the first over a set carries it, later ones refer to it, and read back with no
/// actions until the set is found (<see cref="Decision.NeedsActions"/>, <c>PolicyUpdater.ResolveAsync</c>).
/// A decision's data lists every action with its features, so reading it back is most of a decision's cost: the learners
/// of the write that records a decision get the decision itself (<see cref="SignalCodec.AsWritten"/>), not a parse of
/// its data; entries read from a store are parsed.
/// </remarks>
internal sealed class DecisionCodec : SignalCodec<Decision>
{
    public static EventKind DecisionKind { get; } = EventKind.FromName("decision");

    public override EventKind Kind => DecisionKind;

    public override void Validate(Decision signal, SignalRules rules)
    {
        const string Name = "decision";
        ArgumentNullException.ThrowIfNull(signal.Context, Name);
        ArgumentNullException.ThrowIfNull(signal.Actions, Name);
        ArgumentNullException.ThrowIfNull(signal.Slate, Name);
        ArgumentNullException.ThrowIfNull(signal.SlateProbabilities, Name);
        ArgumentNullException.ThrowIfNull(signal.Probabilities, Name);
        DecisionInputs.ValidateId(signal.DecisionId, Name);
        DecisionInputs.ValidateContext(signal.Context, rules, int.MaxValue, Name);
        if (signal.Actions is not ValidatedActions)
        {
            // The decider's own decisions were checked once, before choosing; any other is checked here.
            DecisionInputs.ValidateActions(signal.Actions, rules, int.MaxValue, int.MaxValue, Name);
        }

        int k = signal.Actions.Count;
        if (signal.Probabilities.Count != k)
        {
            throw new ArgumentException($"A decision over {k} actions needs {k} probabilities.", Name);
        }

        double sum = 0;
        foreach (double p in signal.Probabilities)
        {
            if (!double.IsFinite(p) || p < 0 || p > 1)
            {
                throw new ArgumentException("A decision's probabilities lie in [0, 1].", Name);
            }

            sum += p;
        }

        if (Math.Abs(sum - 1.0) > 1e-6)
        {
            throw new ArgumentException($"A decision's probabilities sum to 1, not {sum}.", Name);
        }

        if (signal.Slate.Count is 0 || signal.Slate.Count > k || signal.SlateProbabilities.Count != signal.Slate.Count)
        {
            throw new ArgumentException("A decision's slate has 1 to K distinct actions, each with its probability.", Name);
        }

        var seen = new HashSet<int>();
        for (int i = 0; i < signal.Slate.Count; i++)
        {
            int index = signal.Slate[i];
            double p = signal.SlateProbabilities[i];
            if (index < 0 || index >= k || !seen.Add(index) || !double.IsFinite(p) || p <= 0 || p > 1)
            {
                throw new ArgumentException("A decision's slate has 1 to K distinct actions, each chosen with a probability in (0, 1].", Name);
            }
        }

        if (signal.LearnedIndex < 0 || signal.LearnedIndex >= k)
        {
            throw new ArgumentException("The learned policy's choice is not one of the actions.", Name);
        }
    }

    public override SignalEntry Encode(Decision signal)
    {
        string data = DecisionBinaryFormat.Write(signal);
        return new(signal.Context.Text?.Trim() ?? signal.DecisionId, Data: data);
    }

    // The slate, the probabilities and the policy are drawn while deciding, and an action's features may include what
    // the engine derived (the user's stated-preference score): a retry under the same decision id is the same request when
    // what the caller sent matches (the id, the context and the actions' ids and texts).
    public override bool IsSameRequest(PreferenceEvent stored, PreferenceEvent asked)
    {
        if (stored.Kind != asked.Kind || Decode(stored) is not { } before || Decode(asked) is not { } retry)
        {
            return false;
        }

        return string.Equals(before.DecisionId, retry.DecisionId, StringComparison.Ordinal)
            && before.Deferred == retry.Deferred
            && string.Equals(before.Context.Text, retry.Context.Text, StringComparison.Ordinal)
            && before.Context.Features.SequenceEqual(retry.Context.Features)
            && SameActions(before, retry);
    }

    // Two decisions that name their action sets name the same one (a hash of the caller's actions, features included);
    // otherwise the actions' identifiers and texts match, as far as both are known.
    private static bool SameActions(Decision before, Decision retry)
        => before.ActionSetId is not null && retry.ActionSetId is not null
            ? string.Equals(before.ActionSetId, retry.ActionSetId, StringComparison.Ordinal)
            : !before.NeedsActions && !retry.NeedsActions
                && before.Actions.Select(static a => (a.Id, a.Text)).SequenceEqual(retry.Actions.Select(static a => (a.Id, a.Text)));

    public override Decision? Decode(PreferenceEvent entry) => Parse(entry);

    // The decision just encoded reads back as itself (tested: the binary record keeps every field to the bit).
    internal override Signal? AsWritten(Signal recorded, PreferenceEvent entry) => (Decision)recorded with { At = entry.At };

    // Entries written before the compact format are JSON objects.
    private static Decision? Parse(PreferenceEvent entry)
        => entry.Text is null || entry.Data is null ? null
        : entry.Data.StartsWith(DecisionBinaryFormat.Marker, StringComparison.Ordinal) || entry.Data.StartsWith(DecisionBinaryFormat.SetMarker, StringComparison.Ordinal)
            ? DecisionBinaryFormat.Read(entry.Data, entry.At)
        : SignalPayload.Read(entry.Data, DecidingJsonContext.Default.DecisionData) is { } data
            ? new Decision(data.Id, data.Context, data.Actions, data.Slate, data.SlateProbabilities, data.Probabilities, entry.At)
            {
                Policy = data.Policy,
                Apprentice = data.Apprentice,
                LearnedIndex = data.Learned,
                Deferred = data.Deferred,
            }
            : null;
}
