namespace Penchant.Signals;

/// <summary>What one signal writes into its event-log entry: the parts a <see cref="SignalCodec{TSignal}"/> fills.</summary>
/// <param name="Text">The signal's main text (what was said, or the context of a judgement); user content.</param>
/// <param name="Scope">A scope the application gave, or <see langword="null"/>.</param>
/// <param name="Role">Who spoke, for a conversation turn, or <see langword="null"/>.</param>
/// <param name="Data">The structured part as JSON, or <see langword="null"/>; user content.</param>
public sealed record SignalEntry(string? Text, string? Scope = null, string? Role = null, string? Data = null);
