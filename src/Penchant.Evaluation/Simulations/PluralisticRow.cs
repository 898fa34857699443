namespace Penchant.Evaluation.Simulations;

/// <summary>One model's accuracy: seen users, and new users by the number of their own comparisons.</summary>
public sealed record PluralisticRow(string Model, double Seen, IReadOnlyList<double> NewUsers);
