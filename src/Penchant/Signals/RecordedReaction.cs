namespace Penchant.Signals;

/// <summary>
/// A reaction as the log holds it: how the user took the answer, the request it answered and the preferences that answer
/// applied. Read it from a <see cref="EventKind.Reaction"/> entry with <see cref="LoggedSignals.ReadReaction"/>.
/// </summary>
/// <param name="Label">How the user took the answer.</param>
/// <param name="Request">The request the answer was for, when the reaction named it.</param>
/// <param name="Applied">The identifiers of the preferences the answer applied.</param>
public sealed record RecordedReaction(ReactionLabel Label, string? Request, IReadOnlyList<string> Applied);
