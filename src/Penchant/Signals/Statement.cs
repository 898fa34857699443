namespace Penchant.Signals;

/// <summary>Something the user said about what they want, given to <see cref="PenchantSignalExtensions.RememberAsync"/>.</summary>
/// <param name="Text">What the user said.</param>
/// <param name="At">When it was said; the engine's clock when <see langword="null"/>.</param>
/// <param name="Scope">Where it applies, when the application knows better than the text ("emails to my boss").</param>
public sealed record Statement(string Text, DateTimeOffset? At = null, string? Scope = null) : Signal;
