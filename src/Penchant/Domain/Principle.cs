namespace Penchant.Domain;

/// <summary>
/// A readable rule distilled from many of a user's judgements ("Prefers shorter responses", "Prefers responses that
/// mention “lemon”"), with how often it applied and how well it predicted judgements held back while it was proposed.
/// </summary>
/// <param name="Id">A stable identifier of the rule (its factor and direction).</param>
/// <param name="Text">The rule as a sentence a person can check.</param>
/// <param name="Support">How many of the judgements it applies to (it decides between the two texts).</param>
/// <param name="Accuracy">The share of held-back judgements it applies to that it predicts, from 0 to 1.</param>
/// <param name="Tested">How many held-back judgements it was checked on.</param>
/// <param name="Sources">The identifiers of the signals it agrees with, oldest first.</param>
/// <param name="Status">Whether the user confirmed it.</param>
public sealed record Principle(string Id, string Text, int Support, double Accuracy, int Tested, IReadOnlyList<string> Sources, PrincipleStatus Status = PrincipleStatus.Proposed);
