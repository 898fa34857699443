using Penchant.Signals.Codecs;

namespace Penchant.Signals;

/// <summary>
/// Reads the structured part of log entries (<see cref="IPenchant.ExportAsync"/>) with the codecs that wrote them, for
/// applications that chart or audit a log: a malformed, redacted or other entry reads as <see langword="null"/>.
/// </summary>
public static class LoggedSignals
{
    /// <summary>Reads a reaction entry: its label, request and applied preferences.</summary>
    /// <param name="entry">A log entry.</param>
    /// <returns>The reaction, or <see langword="null"/> when the entry is not a readable reaction.</returns>
    public static RecordedReaction? ReadReaction(PreferenceEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == EventKind.Reaction && !entry.Redacted && SignalPayload.Read(entry.Data, ReactionJsonContext.Default.ReactionData) is { } data
            ? new RecordedReaction(data.Parsed, data.Request, data.Applied)
            : null;
    }

    /// <summary>Reads a reward entry.</summary>
    /// <param name="entry">A log entry.</param>
    /// <returns>The reward, or <see langword="null"/> when the entry is not a readable reward.</returns>
    public static Reward? ReadReward(PreferenceEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == RewardCodec.RewardKind && !entry.Redacted ? RewardCodec.Read(entry) : null;
    }
}
