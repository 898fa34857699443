namespace Penchant.Signals;

/// <summary>
/// One entry of a user's append-only event log: the source of truth from which every preference can be rebuilt.
/// </summary>
/// <remarks>
/// <see cref="Text"/> holds user content. It becomes <see langword="null"/> (and <see cref="Redacted"/> true)
/// when a preference derived from it is forgotten, so that a replay cannot bring the preference back.
/// </remarks>
public sealed record PreferenceEvent
{
    /// <summary>Gets the event (signal) identifier, unique within the user.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the position in the user's log, assigned by the store when the event is appended (1, 2, …).</summary>
    public long Sequence { get; init; }

    /// <summary>Gets the kind of event.</summary>
    public EventKind Kind { get; init; }

    /// <summary>Gets who spoke, for a <see cref="EventKind.Turn"/>.</summary>
    public string? Role { get; init; }

    /// <summary>Gets what was said, or <see langword="null"/> once redacted.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the scope the application gave with a statement.</summary>
    public string? Scope { get; init; }

    /// <summary>
    /// Gets the structured part of a signal as JSON (for example a comparison's candidates or a rating's score), or
    /// <see langword="null"/>. Like <see cref="Text"/> it holds user content and is erased on redaction.
    /// </summary>
    public string? Data { get; init; }

    /// <summary>Gets the preference a <see cref="EventKind.Retraction"/> refers to.</summary>
    public string? Target { get; init; }

    /// <summary>Gets when the signal happened.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Gets the application's metadata of the signal (empty for none); user content, erased on redaction.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = Domain.PreferenceMetadata.Empty;

    /// <summary>Gets when what the signal says stops holding, or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets a value indicating whether the text was removed because the user asked to forget.</summary>
    public bool Redacted { get; init; }

    /// <summary>Returns this event with its user content erased, as it is kept after a preference derived from it is forgotten.</summary>
    /// <returns>The redacted event.</returns>
    public PreferenceEvent Redact() => this with { Text = null, Scope = null, Data = null, Metadata = Domain.PreferenceMetadata.Empty, Redacted = true };
}
