namespace Penchant.Signals;

/// <summary>
/// The user edited an output before using it: the difference between <paramref name="Output"/> and
/// <paramref name="Edited"/> is evidence of the style they prefer in contexts like <paramref name="Context"/>. An edit that
/// changes nothing records that the user accepted the output as it was.
/// </summary>
/// <param name="Context">What the output was for (the request, or the document it summarised).</param>
/// <param name="Output">What the application produced.</param>
/// <param name="Edited">What the user made of it.</param>
/// <param name="At">When; the engine's clock when <see langword="null"/>.</param>
public sealed record Edit(string Context, string Output, string Edited, DateTimeOffset? At = null) : Signal;
