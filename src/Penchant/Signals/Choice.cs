namespace Penchant.Signals;

/// <summary>The user was shown candidates in a context and chose one (a click).</summary>
/// <param name="Context">What was asked or where the candidates were shown.</param>
/// <param name="Candidates">The candidates shown, in display order.</param>
/// <param name="Chosen">The index of the chosen candidate.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Choice(string Context, IReadOnlyList<string> Candidates, int Chosen, DateTimeOffset? At = null) : Signal;
