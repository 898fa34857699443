namespace Penchant.Learning.Ranking;

/// <summary>One training comparison: features of the preferred and the rejected candidate in the same context.</summary>
/// <param name="User">The user's index in the training set, or -1 for a comparison with no user part (a global model).</param>
/// <param name="Preferred">The preferred candidate's features (for a tie, either one).</param>
/// <param name="Rejected">The rejected candidate's features.</param>
/// <param name="Weight">The loss weight: how much better the preferred one was (see <see cref="SignalPairs.Weight"/>).</param>
/// <param name="Tie">Whether the two were judged equal.</param>
internal sealed record PairSample(int User, float[] Preferred, float[] Rejected, float Weight = 1f, bool Tie = false);
