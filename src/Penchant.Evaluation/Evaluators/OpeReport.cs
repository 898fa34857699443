using Penchant.Deciding;

namespace Penchant.Evaluation.Evaluators;

/// <summary>The result of estimating the Thompson-sampling policy's click rate from the random policy's logs of one campaign.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Truth">The Thompson-sampling policy's click rate in its own logs (on-policy), with its standard error.</param>
/// <param name="Estimates">The off-policy estimates from the random policy's logs.</param>
public sealed record OpeReport(string Campaign, Estimate Truth, OffPolicyReport Estimates)
{
    /// <summary>Gets the doubly robust estimate's error relative to the truth.</summary>
    public double DoublyRobustRelativeError => Math.Abs(Estimates.DoublyRobust.Value - Truth.Value) / Truth.Value;
}
