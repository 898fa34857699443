namespace Penchant.Domain;

/// <summary>One reason a candidate scored as it did.</summary>
/// <param name="Description">A readable description ("violates: I strictly avoid gluten", "length").</param>
/// <param name="Contribution">How much it added to (or, when negative, took from) the score.</param>
/// <param name="PreferenceId">The stored preference it refers to, if any.</param>
public sealed record RankingFactor(string Description, double Contribution, string? PreferenceId = null);
