namespace Penchant.Evaluation.Simulations;

/// <summary>One policy's cumulative regret in the bandit simulation.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Regret">Its cumulative expected regret against the oracle (the best action for each context).</param>
/// <param name="MeanReward">Its mean expected reward per round.</param>
public sealed record BanditPolicyResult(string Policy, double Regret, double MeanReward);

/// <summary>The result of the bandit simulation.</summary>
/// <param name="Settings">The environment.</param>
/// <param name="UniformRegret">The cumulative regret of choosing uniformly at random.</param>
/// <param name="BestFixedRegret">The cumulative regret of always choosing the one action best on average (known in hindsight).</param>
/// <param name="OracleReward">The oracle's mean expected reward per round.</param>
/// <param name="Policies">The learning policies.</param>
public sealed record BanditReport(BanditSettings Settings, double UniformRegret, double BestFixedRegret, double OracleReward, IReadOnlyList<BanditPolicyResult> Policies);
