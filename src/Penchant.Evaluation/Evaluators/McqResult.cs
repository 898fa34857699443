namespace Penchant.Evaluation.Evaluators;

/// <summary>The outcome of one multiple-choice item.</summary>
/// <param name="Item">The item.</param>
/// <param name="CorrectPosition">Where the correct option was shown.</param>
/// <param name="ChosenPosition">Where the option the engine ranked first was shown.</param>
/// <param name="Shown">The options in the order shown.</param>
/// <param name="Level">Whether every option scored the same (no preference applied).</param>
/// <param name="Factors">The stated preferences that moved the chosen and the correct option.</param>
public sealed record McqResult(McqItem Item, int CorrectPosition, int ChosenPosition, IReadOnlyList<string> Shown, bool Level = false, string? Factors = null)
{
    /// <summary>Gets a value indicating whether the correct option was ranked first.</summary>
    public bool Correct => CorrectPosition == ChosenPosition;

    /// <summary>Gets the preferences the item's own preference turn yielded.</summary>
    public IReadOnlyList<string> Own { get; init; } = [];

    /// <summary>Gets the preferences the filler conversation yielded (false preferences: the filler states none).</summary>
    public IReadOnlyList<string> Filler { get; init; } = [];
}
