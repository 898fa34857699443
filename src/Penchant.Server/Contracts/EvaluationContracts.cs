using Penchant.Deciding;

namespace Penchant.Server.Contracts;

/// <summary>A request to estimate off-policy how a candidate decision policy would have done on the logged decisions.</summary>
/// <param name="Policy">The candidate policy.</param>
/// <param name="ExplorationRate">The candidate's exploration rate in [0, 1]; the configured one when absent.</param>
/// <param name="Seed">The seed of the candidate's random draws; 17 when absent.</param>
/// <param name="From">The first moment of the range; the log's start when absent.</param>
/// <param name="To">The end of the range (exclusive); now when absent.</param>
public sealed record EvaluatePolicyRequest(DecisionPolicy? Policy, double? ExplorationRate = null, int? Seed = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One off-policy estimate of a policy's mean reward with its 95% confidence interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Lower">The interval's lower end.</param>
/// <param name="Upper">The interval's upper end.</param>
public sealed record EstimateContract(double Value, double StandardError, double Lower, double Upper);

/// <summary>The off-policy estimates of a candidate policy's mean reward (inverse propensity, self-normalized, direct method, doubly robust).</summary>
/// <param name="Decisions">The logged decisions with a known reward that the estimates use; 0 when none.</param>
/// <param name="Ips">Inverse propensity scoring; absent when no decision was used.</param>
/// <param name="Snips">Self-normalized inverse propensity scoring.</param>
/// <param name="DirectMethod">The direct method (the candidate's own reward model).</param>
/// <param name="DoublyRobust">Doubly robust.</param>
/// <param name="MeanWeight">The mean importance weight (near 1 when the estimates can be trusted).</param>
public sealed record PolicyEvaluationResponse(int Decisions, EstimateContract? Ips, EstimateContract? Snips, EstimateContract? DirectMethod, EstimateContract? DoublyRobust, double MeanWeight);
